// What a relevance search costs with each way of collecting the top 10, on one index, warm, in
// one JVM, alternating rounds: raw Lucene by score alone (A), raw Lucene sorted by (score, id) as
// Lede did before it collected by score (B), B on a per-request searcher with a time limit (C),
// Lede's own search (D), and A without loading the stored articles (E). Prints ms per search.
//
//   mvn -q package -DskipTests
//   ./lede index ../shared/data/reuters21578/articles.jsonl --index /tmp/ri
//   java --enable-native-access=ALL-UNNAMED -cp target/lede-0.1.0-SNAPSHOT-cli.jar \
//       docs/measure/RelevanceCollectorAB.java /tmp/ri 1000
//
// (a JDK 21+ java; it reads Lede's internal Schema for the analyzer, so it runs on the class path).
import dev.lede.*;
import dev.lede.query.*;
import dev.lede.internal.schema.Schema;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.store.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.QueryBuilder;
import java.nio.file.*;
import java.util.*;
public class RelevanceCollectorAB {
  static String[] qs = {"oil prices","wheat","bank rate cut","\"crude oil\"","gold","dollar yen","coffee export quota","tokyo stocks","shares rose","grain"};
  public static void main(String[] a) throws Exception {
    Schema schema = new Schema();
    QueryBuilder qb = new QueryBuilder(schema.analyzer());
    List<Query> queries = new ArrayList<>();
    for (String q : qs) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      List<String> parts = q.startsWith("\"") ? List.of(q.replace("\"","")) : List.of(q.split(" "));
      for (String w : parts) {
        all.add(new BooleanQuery.Builder().add(new BoostQuery(qb.createPhraseQuery("title", w), 0.5f), BooleanClause.Occur.SHOULD).add(qb.createPhraseQuery("body", w), BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.SHOULD);
      }
      queries.add(all.build());
    }
    int reps = Integer.parseInt(a[1]);
    try (Directory dir = FSDirectory.open(Path.of(a[0])); DirectoryReader reader = DirectoryReader.open(dir);
         ArticleIndex ix = ArticleIndex.open(Path.of(a[0]))) {
      IndexSearcher s = new IndexSearcher(reader);
      s.setSimilarity(new BM25Similarity(1.2f, 0.6f));
      Sort sort = new Sort(SortField.FIELD_SCORE, schema.idSort());
      String[] names = {"A raw score+stored", "B raw sort(score,id)+stored", "C B + per-request searcher w/ timeout", "D lede search", "E raw score, no stored"};
      for (int round = 0; round < 4; round++) {
        for (int v = 0; v < names.length; v++) {
          long t = System.nanoTime(); int n = 0; long sink = 0;
          for (int r = 0; r < reps; r++) for (int qi = 0; qi < qs.length; qi++) {
            n++;
            Query q = queries.get(qi);
            TopDocs top;
            switch (v) {
              case 0, 4 -> top = s.search(q, new TopScoreDocCollectorManager(10, 1000));
              case 1 -> top = s.search(q, new TopFieldCollectorManager(sort, 10, null, 1000));
              case 2 -> { IndexSearcher b = new IndexSearcher(reader); b.setSimilarity(s.getSimilarity()); long end = System.nanoTime() + 5_000_000_000L; b.setTimeout(() -> System.nanoTime() - end > 0);
                          top = b.search(q, new TopFieldCollectorManager(sort, 10, null, 1000)); }
              default -> { sink += ix.search(SearchRequest.of(qs[qi]).size(10).highlight(Highlight.none())).hits().size(); continue; }
            }
            if (v != 4) { StoredFields sf = s.storedFields(); for (ScoreDoc d : top.scoreDocs) sink += sf.document(d.doc).get("id").length(); }
          }
          if (round > 0) System.out.printf("round %d %-40s %.3f ms%n", round, names[v], (System.nanoTime()-t)/1e6/n);
        }
      }
    }
  }
}
