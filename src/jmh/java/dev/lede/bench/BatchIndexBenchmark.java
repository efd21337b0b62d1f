package dev.lede.bench;

import dev.lede.ArticleIndex;
import dev.lede.IndexConfig;
import dev.lede.IndexFeature;
import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of Reuters articles into a fresh in-memory index (a {@code ByteBuffersDirectory} for
 * both), until it is committed and searchable. Lede: {@link ArticleIndex#inMemory(IndexConfig)}
 * and {@code addAll} with one indexing thread (its pipeline hands the articles from the calling
 * thread to that one; the content-hash look-up, commit and refresh are in the time). Raw Lucene:
 * {@link LuceneSystem#document} with the fields of Lede's schema (the {@code lucene} line of
 * bench.sh: word, title-prefix and fingerprint fields included) and {@code updateDocument} on the
 * calling thread, a commit and a near-real-time reader. Opening and closing the index is outside the time.
 *
 * <p>{@code features} is the Lede index's optional parts ({@link IndexFeature#parse}: {@code all},
 * {@code none}, or a comma-free single label such as {@code spelling}, since JMH splits parameter
 * values at commas), so that each one's cost can be timed alone. Raw Lucene takes {@code all} (the
 * {@code lucene} line) or {@code none} (id, title and body only: the {@code lucene-plain} line).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchIndexBenchmark {
    private static final IngestOptions ONE_THREAD = IngestOptions.defaults().threads(1);
    // No timed refresh thread: the ingest refreshes when it commits, and nothing searches meanwhile.
    private static final IndexConfig MANUAL_REFRESH = IndexConfig.defaults().refreshInterval(Duration.ZERO);

    @Param({"lede", "lucene"})
    public String system;

    @Param("1000")
    public int articles;

    @Param("all")
    public String features;

    private final List<BenchDoc> docs = new ArrayList<>();
    private final List<Article> asArticles = new ArrayList<>();
    private LuceneSystem baseline;
    private boolean luceneFeatures;
    private IndexConfig config;
    private ArticleIndex lede;
    private IndexWriter writer;
    private DirectoryReader reader;
    private long written;

    @Setup(Level.Trial)
    public void load() throws IOException {
        if (!system.equals("lede") && !system.equals("lucene")) {
            throw new IllegalArgumentException("unknown system: " + system + " (lede, lucene)");
        }
        Set<IndexFeature> chosen = IndexFeature.parse(features);
        if (system.equals("lucene") && !chosen.isEmpty() && !chosen.equals(IndexFeature.all())) {
            throw new IllegalArgumentException("raw Lucene takes features all or none, not " + features);
        }
        luceneFeatures = !chosen.isEmpty();
        baseline = new LuceneSystem(1, luceneFeatures);
        config = MANUAL_REFRESH.features(chosen);
        for (BenchDoc d : ReutersSlice.first(articles)) {
            docs.add(d);
            asArticles.add(LedeSystem.article(d));
        }
    }

    @Setup(Level.Invocation)
    public void open() throws IOException {
        if (system.equals("lede")) {
            lede = ArticleIndex.inMemory(config);
        } else {
            writer = new IndexWriter(new ByteBuffersDirectory(), baseline.writerConfig());
        }
    }

    @Benchmark
    public long addBatch() throws IOException {
        if (system.equals("lede")) {
            written = lede.addAll(asArticles, ONE_THREAD).added();
        } else {
            for (BenchDoc d : docs) {
                writer.updateDocument(new Term(LuceneSystem.ID, d.id()), LuceneSystem.document(d, luceneFeatures));
            }
            writer.commit();
            reader = DirectoryReader.open(writer);
            written = reader.numDocs();
        }
        return written;
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
        if (lede != null) {
            lede.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (writer != null) {
            Directory directory = writer.getDirectory();
            writer.close();
            directory.close();
        }
        lede = null;
        reader = null;
        writer = null;
        if (written != docs.size()) {
            throw new IllegalStateException(system + " indexed " + written + " of " + docs.size() + " articles");
        }
    }
}
