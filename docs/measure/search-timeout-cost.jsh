// What the default search time limit costs: the same warm searches (top 10, no snippets) with the
// default 5-second limit and with none, alternating which goes first, 300 rounds of 10 queries.
// Run from the project root after `mvn -q -DskipTests package` (see search-latency.jsh):
//
//   $JAVA/jshell -R--enable-native-access=ALL-UNNAMED --class-path target/lede-0.1.0-SNAPSHOT-cli.jar \
//       -R-Dindex=/tmp/reuters-index docs/measure/search-timeout-cost.jsh
import dev.lede.ArticleIndex;
import dev.lede.query.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
String[] queries = {"oil prices", "\"interest rates\"", "bank of japan", "wheat export", "coffee",
    "+dollar -yen", "trade deficit talks", "gold", "opec output quota", "merger acquisition offer"};
var index = ArticleIndex.openReadOnly(Path.of(System.getProperty("index")));
for (int i = 0; i < 50; i++) for (String q : queries) { index.search(SearchRequest.of(q).highlight(Highlight.none())); index.search(SearchRequest.of(q).highlight(Highlight.none()).timeout(Duration.ZERO)); }
int n = 300 * queries.length; long[] limited = new long[n]; long[] free = new long[n]; int k = 0;
for (int i = 0; i < 300; i++) for (String q : queries) {
  if (i % 2 == 0) {
  long t = System.nanoTime(); index.search(SearchRequest.of(q).highlight(Highlight.none())); limited[k] = System.nanoTime() - t;
  t = System.nanoTime(); index.search(SearchRequest.of(q).highlight(Highlight.none()).timeout(Duration.ZERO)); free[k++] = System.nanoTime() - t;
  } else {
  long t = System.nanoTime(); index.search(SearchRequest.of(q).highlight(Highlight.none()).timeout(Duration.ZERO)); free[k] = System.nanoTime() - t;
  t = System.nanoTime(); index.search(SearchRequest.of(q).highlight(Highlight.none())); limited[k++] = System.nanoTime() - t;
  }
}
Arrays.sort(limited); Arrays.sort(free);
System.out.printf(Locale.ROOT, "no snippets, 5 s limit: median %.3f ms p99 %.3f | no limit: median %.3f ms p99 %.3f | ratio %.3f%n", limited[k/2]/1e6, limited[k*99/100]/1e6, free[k/2]/1e6, free[k*99/100]/1e6, (double) limited[k/2]/free[k/2]);
index.close();
/exit
