package dev.lede.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness on 200 Reuters articles, in this JVM: the systems index the same
 * articles and agree on what the queries find. A correctness check of the harness, not a timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeTest {
    private static final Path DATA = Path.of(System.getProperty("lede.shared.data", "../shared/data"));

    @TempDir
    Path folder;

    private Corpus corpus;
    private List<BenchQuery> queries;

    @BeforeAll
    void corpus() throws IOException {
        assumeTrue(Files.exists(DATA.resolve("reuters21578/articles.jsonl")), "no Reuters data under " + DATA);
        corpus = Corpus.load("reuters", DATA, 200, 42);
        queries = QuerySet.generate(corpus, 3, 42);
    }

    @Test
    void commandOptions_takeNameValuePairsOverTheDefaults_andRefuseUnknownNames() {
        assertThat(Bench.commandOptions(new String[] {"--articles", "500", "--repeat", "1"}))
                .containsEntry("articles", "500")
                .containsEntry("repeat", "1")
                .containsEntry("corpus", "reuters");
        assertThatThrownBy(() -> Bench.commandOptions(new String[] {"--article", "500"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --article");
        assertThatThrownBy(() -> Bench.commandOptions(new String[] {"--reingest", "maybe"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--reingest takes yes or no, not maybe");
        assertThatThrownBy(() -> Bench.commandOptions(new String[] {"--articles"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected --name value, got: --articles");
    }

    @Test
    void indexSize_countsTheLastCommitsFilesAndNonLuceneFiles_notLeftoverSegments() throws IOException {
        Path index = folder.resolve("size");
        try (Directory dir = FSDirectory.open(index);
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new TextField("body", "harbour ferry", Field.Store.YES));
            w.addDocument(d);
            w.commit();
        }
        long committed = 0;
        try (Directory dir = FSDirectory.open(index)) {
            for (String name : SegmentInfos.readLatestCommit(dir).files(true)) {
                committed += Files.size(index.resolve(name));
            }
        }
        Files.write(index.resolve("_9.cfs"), new byte[1_000]); // a merge's output, not committed yet
        Files.write(index.resolve("owner.txt"), new byte[17]);

        assertThat(BenchRun.sizeOf(index)).isEqualTo(committed + 17);
    }

    @Test
    void allocatedBytes_countsWhatThisThreadAllocates() {
        long before = BenchRun.allocatedBytes();
        byte[] tenMegabytes = new byte[10_000_000];
        tenMegabytes[tenMegabytes.length - 1] = 1;
        long after = BenchRun.allocatedBytes();

        assertThat(tenMegabytes[tenMegabytes.length - 1]).isEqualTo((byte) 1);
        assertThat(after - before).isBetween(10_000_000L, 50_000_000L);
    }

    @Test
    void querySet_isDeterministicAndCoversEveryKind() {
        assertThat(QuerySet.generate(corpus, 3, 42)).isEqualTo(queries);
        assertThat(queries)
                .extracting(BenchQuery::kind)
                .containsOnly(BenchQuery.Kind.values())
                .hasSize(18);
    }

    @Test
    void corpus_beyondItsSize_recombinesRealSentencesDeterministically() throws IOException {
        Path jsonl = folder.resolve("three.jsonl");
        Files.writeString(jsonl, """
                {"id": "a", "title": "Wheat up", "body": "Wheat rose on Monday. Traders were buying."}
                {"id": "b", "title": "Oil down", "body": "Oil fell sharply today. Brokers were selling."}
                {"id": "c", "title": "Gold flat", "body": "Gold held its ground here."}
                """);
        Corpus scaled = Corpus.load(jsonl.toString(), DATA, 50, 7);

        assertThat(Corpus.load(jsonl.toString(), DATA, 50, 7)).containsExactlyElementsOf(scaled);
        assertThat(scaled.get(49).id()).isEqualTo("g00000049");
        assertThat(scaled.get(49).title()).isIn("Wheat up", "Oil down", "Gold flat");
        List<String> real = List.of(
                "Wheat rose on Monday.",
                "Traders were buying.",
                "Oil fell sharply today.",
                "Brokers were selling.",
                "Gold held its ground here.");
        for (BenchDoc d : scaled) {
            assertThat(Corpus.sentences(d.body())).isNotEmpty().allMatch(real::contains);
        }
    }

    @Test
    void threeSystems_findTheSameArticles() throws IOException {
        List<List<String>> lede = results("lede");
        List<List<String>> lucene = results("lucene");
        List<List<String>> fts5 = results("fts5");
        // Lucene with and without the feature fields: the same title and body, the same results.
        assertThat(results("lucene-plain")).isEqualTo(lucene);
        for (int q = 0; q < queries.size(); q++) {
            BenchQuery query = queries.get(q);
            // Same analysis, fields and BM25: the same hits and the same best one (Lede breaks score
            // ties by id, raw Lucene by index order, so tied hits below the first may swap places).
            assertThat(lucene.get(q)).as("lucene: %s", query).hasSameSizeAs(lede.get(q));
            if (!lede.get(q).isEmpty()) {
                assertThat(lucene.get(q).get(0))
                        .as("lucene: %s", query)
                        .isEqualTo(lede.get(q).get(0));
            }
            // FTS5 ranks with its own BM25, but matches the same articles.
            assertThat(fts5.get(q)).as("fts5: %s", query).hasSameSizeAs(lede.get(q));
            if (lede.get(q).size() < SearchSystem.TOP) {
                assertThat(lucene.get(q)).as("lucene: %s", query).containsExactlyInAnyOrderElementsOf(lede.get(q));
                assertThat(fts5.get(q)).as("fts5: %s", query).containsExactlyInAnyOrderElementsOf(lede.get(q));
            }
        }
    }

    @Test
    void reingest_writesTheChangedArticles_whichEverySystemThenFinds() throws IOException {
        BenchQuery revision = new BenchQuery(BenchQuery.Kind.AND, List.of("revised", "editors", "overnight"));
        List<BenchDoc> revised = new ArrayList<>();
        corpus.revised(25).forEach(revised::add);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (!revised.get(i).equals(corpus.get(i))) {
                changed.add(corpus.get(i).id());
            }
        }
        assertThat(revised).hasSize(200);
        assertThat(changed).hasSize(8);
        assertThat(revised.get(25).body()).isEqualTo(corpus.get(25).body() + " " + Corpus.REVISION);
        for (String system : List.of("lede", "lucene", "lucene-plain", "fts5")) {
            try (SearchSystem s = SearchSystem.named(system, 2)) {
                s.ingest(folder.resolve("re-" + system), corpus);
                assertThat(s.search(revision, false)).as(system).isEmpty();
                s.reingest(revised);
                assertThat(s.search(revision, false)).as(system).containsExactlyInAnyOrderElementsOf(changed);
                assertThat(s.search(revision, true)).as(system).containsExactlyInAnyOrderElementsOf(changed);
                if (s instanceof LuceneSystem lucene) {
                    // The unchanged articles were skipped: 8 new versions written, 8 old ones deleted.
                    assertThat(lucene.docStats().numDocs).isEqualTo(200);
                    assertThat(lucene.docStats().maxDoc).isEqualTo(208);
                }
            }
        }
    }

    @Test
    void reopen_thenSyncRevisedAgain_writesTheSecondChanges_andKeepsTheFirst() throws IOException {
        BenchQuery first = new BenchQuery(BenchQuery.Kind.AND, List.of("revised", "editors", "overnight"));
        BenchQuery second = new BenchQuery(BenchQuery.Kind.AND, List.of("copy", "desk", "revision"));
        List<String> firstChanged = new ArrayList<>();
        List<String> secondChanged = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (i % 25 == 0) {
                firstChanged.add(corpus.get(i).id());
            } else if (i % 25 == 12) {
                secondChanged.add(corpus.get(i).id());
            }
        }
        List<BenchDoc> again = new ArrayList<>();
        corpus.revisedAgain(25).forEach(again::add);
        assertThat(again.get(12).body()).isEqualTo(corpus.get(12).body() + " " + Corpus.SECOND_REVISION);
        assertThat(again.get(25).body()).isEqualTo(corpus.get(25).body() + " " + Corpus.REVISION);
        assertThat(again.get(13)).isEqualTo(corpus.get(13));
        for (String system : List.of("lede", "lucene")) {
            Path index = folder.resolve("again-" + system);
            try (SearchSystem s = SearchSystem.named(system, 2)) {
                s.ingest(index, corpus);
                s.reingest(corpus.revised(25));
                assertThat(s.search(second, false)).as(system).isEmpty();
            }
            try (SearchSystem s = SearchSystem.named(system, 2)) {
                s.reopen(index);
                s.reingest(again);
                assertThat(s.search(second, false)).as(system).containsExactlyInAnyOrderElementsOf(secondChanged);
                assertThat(s.search(first, false)).as(system).containsExactlyInAnyOrderElementsOf(firstChanged);
                if (s instanceof LuceneSystem lucene) {
                    assertThat(lucene.docStats().numDocs).isEqualTo(200);
                }
            }
        }
        try (SearchSystem fts5 = SearchSystem.named("fts5", 1)) {
            assertThatThrownBy(() -> fts5.reopen(folder))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("fts5 cannot reopen an index");
        }
    }

    private List<List<String>> results(String system) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (SearchSystem s = SearchSystem.named(system, 1)) {
            s.ingest(folder.resolve(system), corpus);
            for (BenchQuery q : queries) {
                out.add(s.search(q, false));
                assertThat(s.search(q, true)).isEqualTo(out.get(out.size() - 1));
            }
        }
        return out;
    }
}
