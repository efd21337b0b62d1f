package dev.lede.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * One top-10 query over an index of the first {@code articles} Reuters articles, through the same
 * code as docs/measure/bench.sh: {@link LedeSystem} (Lede's public API, default configuration) and
 * {@link LuceneSystem} (query, {@code IndexSearcher.search}, each hit's stored fields, and for
 * snippets a {@code UnifiedHighlighter} over the page). Each call takes the next query of the
 * {@link QuerySet} mix (high, mid and low-frequency words, OR, AND, phrases), so the time is an
 * average over the mix. The index is built once per fork, on disk in a temporary folder, outside
 * the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// Longer warm-up than the others: on the 2-core machine, search times kept falling for about 10 s.
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmark {
    private static final int QUERIES_PER_KIND = 20;

    @Param({"lede", "lucene"})
    public String system;

    @Param("20000")
    public int articles;

    private Path folder;
    private SearchSystem index;
    private List<BenchQuery> queries;

    /** Where each benchmark thread is in the query mix. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        BenchQuery next(List<BenchQuery> queries) {
            BenchQuery q = queries.get(next);
            next = (next + 1) % queries.size();
            return q;
        }
    }

    @Setup(Level.Trial)
    public void build() throws IOException {
        Corpus corpus = ReutersSlice.first(articles);
        queries = QuerySet.generate(corpus, QUERIES_PER_KIND, ReutersSlice.SEED);
        folder = Files.createTempDirectory("lede-jmh-" + system + "-");
        index = SearchSystem.named(system, Runtime.getRuntime().availableProcessors());
        index.ingest(folder, corpus);
        for (BenchQuery q : queries) {
            index.search(q, false); // every query's terms and postings read once before the warm-up
        }
    }

    /** The ids of the top 10 hits, no snippets. */
    @Benchmark
    public List<String> topTen(Cursor cursor) throws IOException {
        return index.search(cursor.next(queries), false);
    }

    /** The ids of the top 10 hits and, for each hit, its title and one body passage highlighted. */
    @Benchmark
    public List<String> topTenWithSnippets(Cursor cursor) throws IOException {
        return index.search(cursor.next(queries), true);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (index != null) {
            index.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(SearchBenchmark::delete);
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
