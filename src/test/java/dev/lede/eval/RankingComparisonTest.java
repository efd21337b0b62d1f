package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.query.Syntax;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking table of the README: Lede's default ranking against a raw-Lucene BM25 baseline
 * (EnglishAnalyzer, title and body in one field, Lucene's defaults, the query's words OR-ed), on
 * every judged collection in ../shared/data, in one run. It takes a minute, so it runs on purpose:
 *
 * <pre>mvn -q test -Dtest=RankingComparisonTest -Dlede.ranking=true</pre>
 *
 * It prints the table and writes it to {@code target/ranking-comparison.md}.
 */
class RankingComparisonTest {
    private static final List<String> COLLECTIONS = List.of("time", "cranfield", "cisi", "med", "npl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ledeDefaults_againstRawLuceneBm25_onEveryJudgedCollection() throws IOException {
        assumeTrue(Boolean.getBoolean("lede.ranking"), "run on purpose with -Dlede.ranking=true");
        Path data = Path.of(System.getProperty("lede.shared.data", "../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("cranfield")), "no judged collections at " + data);

        StringBuilder table = new StringBuilder(
                "| collection | queries | baseline nDCG@10 | Lede nDCG@10 | baseline MAP@100 | Lede MAP@100 |"
                        + " baseline R@100 | Lede R@100 |\n|---|---|---|---|---|---|---|---|\n");
        for (String name : COLLECTIONS) {
            Path dir = data.resolve(name);
            Queries queries = Queries.read(dir.resolve("queries.tsv"));
            Judgments judgments = Judgments.read(dir.resolve("qrels.tsv"));
            EvalReport lede = lede(dir.resolve("corpus.jsonl"), queries, judgments, tmp.resolve(name));
            EvalReport baseline = Evaluation.evaluate(baseline(dir.resolve("corpus.jsonl"), queries), judgments);
            assertThat(lede.queries()).isEqualTo(baseline.queries());
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                    name,
                    lede.queries(),
                    baseline.ndcg10(),
                    lede.ndcg10(),
                    baseline.map100(),
                    lede.map100(),
                    baseline.recall100(),
                    lede.recall100()));
        }
        System.out.print(table);
        Files.writeString(Path.of("target/ranking-comparison.md"), table, StandardCharsets.UTF_8);
    }

    private static EvalReport lede(Path corpus, Queries queries, Judgments judgments, Path folder) throws IOException {
        try (ArticleIndex index =
                ArticleIndex.open(folder, IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            index.ingest(corpus);
            return Evaluation.run(index, queries, judgments, Syntax.WORDS);
        }
    }

    /** Raw Lucene the plain way: one field, EnglishAnalyzer, BM25 defaults, top 1000 per query. */
    private static List<QueryRun> baseline(Path corpus, Queries queries) throws IOException {
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer));
                    BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode r = JSON.readTree(line);
                    Document doc = new Document();
                    doc.add(new StringField("id", r.get("id").asText(), Field.Store.YES));
                    doc.add(new TextField(
                            "text",
                            r.path("title").asText("") + "\n" + r.path("body").asText(""),
                            Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                StoredFields stored = searcher.storedFields();
                QueryBuilder builder = new QueryBuilder(analyzer);
                List<QueryRun> runs = new ArrayList<>();
                for (var query : queries.list()) {
                    List<ScoredDoc> ranking = new ArrayList<>();
                    Query q = builder.createBooleanQuery("text", query.text());
                    if (q != null) {
                        for (ScoreDoc sd : searcher.search(q, Evaluation.DEPTH).scoreDocs) {
                            ranking.add(new ScoredDoc(stored.document(sd.doc).get("id"), sd.score));
                        }
                    }
                    runs.add(new QueryRun(query.id(), ranking));
                }
                return runs;
            }
        }
    }
}
