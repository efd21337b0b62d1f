// Search latency through the public API, warm: opens an index read-only, runs each query of a
// fixed list 20 times as warm-up, then 200 rounds, and prints median and p99 per search (top 10,
// highlighted). Run from the project root after `mvn -q -DskipTests package`:
//
//   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin   # any JDK 21+
//   $JAVA/jshell -R--enable-native-access=ALL-UNNAMED --class-path target/lede-0.1.0-SNAPSHOT-cli.jar \
//       -R-Dindex=/tmp/reuters-index docs/measure/search-latency.jsh
import dev.lede.ArticleIndex;
import dev.lede.query.*;
import java.nio.file.Path;
import java.util.*;

String[] queries = {"oil prices", "\"interest rates\"", "bank of japan", "wheat export", "coffee",
    "+dollar -yen", "trade deficit talks", "gold", "opec output quota", "merger acquisition offer"};
var index = ArticleIndex.openReadOnly(Path.of(System.getProperty("index", "index-data/index")));
for (int i = 0; i < 20; i++) for (String q : queries) index.search(q);
long[] withHighlight = new long[200 * queries.length];
long[] noHighlight = new long[200 * queries.length];
int k = 0;
for (int i = 0; i < 200; i++) for (String q : queries) {
  long t = System.nanoTime(); index.search(SearchRequest.of(q)); withHighlight[k] = System.nanoTime() - t;
  t = System.nanoTime(); index.search(SearchRequest.of(q).highlight(Highlight.none())); noHighlight[k++] = System.nanoTime() - t;
}
Arrays.sort(withHighlight); Arrays.sort(noHighlight);
System.out.printf(Locale.ROOT, "articles %d, searches %d each%n", index.count(), k);
System.out.printf(Locale.ROOT, "top 10 + snippets: median %.2f ms, p99 %.2f ms%n", withHighlight[k / 2] / 1e6, withHighlight[k * 99 / 100] / 1e6);
System.out.printf(Locale.ROOT, "top 10, no snippets: median %.2f ms, p99 %.2f ms%n", noHighlight[k / 2] / 1e6, noHighlight[k * 99 / 100] / 1e6);
index.close();
/exit
