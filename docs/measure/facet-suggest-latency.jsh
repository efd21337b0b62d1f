// Cost of facets and of "did you mean", warm, through the public API: opens an index read-only and,
// per query of a fixed list, times search alone, search with four facet dimensions (source, topic,
// month, year), the same with a source selected (one more, sideways, pass), and misspelt queries
// (which pay for the respelling). 20 warm-up rounds, then 100; prints median and p99. Run from the
// project root after `mvn -q -DskipTests package`, on Reuters indexed with
// `./lede index ../shared/data/reuters21578/articles.jsonl --index /tmp/reuters-index`:
//
//   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin   # any JDK 21+
//   $JAVA/jshell -R--enable-native-access=ALL-UNNAMED --class-path target/lede-0.1.0-SNAPSHOT-cli.jar \
//       -R-Dindex=/tmp/reuters-index docs/measure/facet-suggest-latency.jsh
import dev.lede.ArticleIndex;
import dev.lede.query.*;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;

String[] queries = {"oil prices", "\"interest rates\"", "bank of japan", "wheat export", "coffee",
    "+dollar -yen", "trade deficit talks", "gold", "opec output quota", "merger acquisition offer"};
String[] misspelt = {"oil prises", "intrest rates", "bank of japn", "wheet export", "cofee",
    "dollr", "trade deficet talks", "goldd", "opec outptu quota", "mergre acquisition"};
var index = ArticleIndex.openReadOnly(Path.of(System.getProperty("index", "index-data/index")));
FacetDimension[] dims = {FacetDimension.SOURCE, FacetDimension.TOPIC, FacetDimension.MONTH, FacetDimension.YEAR};
Map<String, Function<String, SearchRequest>> kinds = new LinkedHashMap<>();
kinds.put("search, no facets", q -> SearchRequest.of(q));
kinds.put("search + 4 facets", q -> SearchRequest.of(q).facets(dims));
kinds.put("search + 4 facets, source selected", q -> SearchRequest.of(q).source("reuters").facets(dims));
void time(String name, String[] qs, Function<String, SearchRequest> req) throws Exception {
  for (int i = 0; i < 20; i++) for (String q : qs) index.search(req.apply(q));
  long[] t = new long[100 * qs.length];
  int k = 0;
  for (int i = 0; i < 100; i++) for (String q : qs) {
    long s = System.nanoTime(); index.search(req.apply(q)); t[k++] = System.nanoTime() - s;
  }
  Arrays.sort(t);
  System.out.printf(Locale.ROOT, "%-40s median %.2f ms, p99 %.2f ms%n", name, t[k / 2] / 1e6, t[k * 99 / 100] / 1e6);
}
System.out.printf(Locale.ROOT, "articles %d%n", index.count());
for (var e : kinds.entrySet()) time(e.getKey(), queries, e.getValue());
time("misspelt, with did-you-mean", misspelt, q -> SearchRequest.of(q));
for (String q : misspelt) System.out.println(q + " -> " + index.search(q).suggestion());
index.close();
/exit
