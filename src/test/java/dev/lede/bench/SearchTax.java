package dev.lede.bench;

import dev.lede.ArticleIndex;
import dev.lede.query.Highlight;
import dev.lede.query.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Where Lede's search time goes beyond Lucene's, in one JVM on one index (so the machine's load
 * hits every arm alike): the benchmark's query set, top 10, run round-robin by each arm in turn, 2
 * s of warm-up then {@code rounds} rounds; prints each arm's median and its ratio to raw Lucene on
 * the same index. The arms: raw Lucene without snippets, Lede, Lede without its time limit, then
 * with a snippet of the title and one body passage per hit (the benchmark's equal settings) raw
 * Lucene with a default {@link UnifiedHighlighter} and Lede; the last line gives what the snippets
 * add to each system's mean time a search.
 *
 * <pre>
 *   docs/measure/bench.sh --systems lede --articles 100000 --repeat 1   # builds target/bench/index-lede
 *   java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
 *       dev.lede.bench.SearchTax target/bench/index-lede 100000 [rounds [writable]]
 * </pre>
 */
public final class SearchTax {
    private SearchTax() {}

    private interface Arm {
        void run(BenchQuery q) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Corpus corpus =
                Corpus.load("reuters", Path.of(System.getProperty("lede.shared.data", "../shared/data")), articles, 42);
        List<BenchQuery> queries = QuerySet.generate(corpus, 20, 42);
        LuceneSystem lucene = new LuceneSystem(1, false); // only for its query(): title^0.5 + body
        boolean writable = args.length > 3 && args[3].equals("writable"); // as the benchmark leaves it
        try (ArticleIndex index = writable ? ArticleIndex.open(folder) : ArticleIndex.openReadOnly(folder);
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder));
                // Offsets come from the postings: the highlighter never analyses with it.
                StandardAnalyzer unused = new StandardAnalyzer()) {
            IndexSearcher raw = new IndexSearcher(reader);
            raw.setSimilarity(new BM25Similarity(1.2f, 0.6f));
            Function<BenchQuery, SearchRequest> request =
                    q -> SearchRequest.of(q.lede()).size(SearchSystem.TOP).highlight(Highlight.none());
            UnifiedHighlighter highlighter =
                    UnifiedHighlighter.builder(raw, unused).build();
            List<String> names =
                    List.of("lucene", "lede", "lede, no time limit", "lucene + snippets", "lede + snippets");
            List<Arm> arms = List.of(
                    q -> rawTop(raw, lucene.query(q)),
                    q -> index.search(request.apply(q)),
                    q -> index.search(request.apply(q).timeout(Duration.ZERO)),
                    q -> {
                        Query query = lucene.query(q);
                        highlighter.highlightFields(
                                new String[] {LuceneSystem.TITLE, LuceneSystem.BODY},
                                query,
                                rawTop(raw, query),
                                new int[] {1, 1});
                    },
                    q -> index.search(request.apply(q).highlight(Highlight.passages(1))));
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmEnd) {
                for (Arm arm : arms) {
                    for (BenchQuery q : queries) {
                        arm.run(q);
                    }
                }
            }
            List<long[]> times = new ArrayList<>();
            arms.forEach(a -> times.add(new long[rounds * queries.size()]));
            // Bytes each arm allocates (this thread only): what it leaves to the garbage collector.
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long[] allocated = new long[arms.size()];
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (BenchQuery q : queries) {
                    for (int i = 0; i < arms.size(); i++) {
                        // Rotate which arm goes first (the first one warms the caches for the
                        // others), shifted every round so that no query keeps one order.
                        int a = (i + k + r) % arms.size();
                        long bytes = threads.getCurrentThreadAllocatedBytes();
                        long t = System.nanoTime();
                        arms.get(a).run(q);
                        times.get(a)[k] = System.nanoTime() - t;
                        allocated[a] += threads.getCurrentThreadAllocatedBytes() - bytes;
                    }
                    k++;
                }
            }
            // Per kind of query: each arm's median over that kind's runs.
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s", kind));
                for (int i = 0; i < arms.size(); i++) {
                    List<Long> mine = new ArrayList<>();
                    for (int j = 0; j < k; j++) {
                        if (queries.get(j % queries.size()).kind() == kind) {
                            mine.add(times.get(i)[j]);
                        }
                    }
                    mine.sort(null);
                    line.append(
                            String.format(Locale.ROOT, "  %s %.3f ms", names.get(i), mine.get(mine.size() / 2) / 1e6));
                }
                System.out.println(line);
            }
            double[] mean = new double[arms.size()];
            for (int i = 0; i < arms.size(); i++) {
                mean[i] = Arrays.stream(times.get(i)).average().orElseThrow();
            }
            times.forEach(Arrays::sort);
            double base = times.get(0)[k / 2];
            for (int i = 0; i < arms.size(); i++) {
                long[] t = times.get(i);
                System.out.printf(
                        Locale.ROOT,
                        "%-22s p50 %.3f ms  p90 %.3f ms  p50 ratio to lucene %.2f  allocated %.0f KB a search%n",
                        names.get(i),
                        t[k / 2] / 1e6,
                        t[k * 9 / 10] / 1e6,
                        t[k / 2] / base,
                        allocated[i] / 1024.0 / k);
            }
            System.out.printf(
                    Locale.ROOT,
                    "mean a search, lede / lucene: %.2f without snippets, %.2f with; the snippets add %.3f ms"
                            + " to lucene's, %.3f ms to lede's%n",
                    mean[1] / mean[0],
                    mean[4] / mean[3],
                    (mean[3] - mean[0]) / 1e6,
                    (mean[4] - mean[1]) / 1e6);
        }
    }

    /** Raw Lucene's top 10 with each hit's stored article loaded, as Lede loads it. */
    private static TopDocs rawTop(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, SearchSystem.TOP);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc d : top.scoreDocs) {
            stored.document(d.doc);
        }
        return top;
    }
}
