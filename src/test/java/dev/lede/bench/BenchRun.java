package dev.lede.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One system's run in its own JVM: index the corpus, then time the query set without and with
 * highlighting on 1 and 2 threads, and write the figures as JSON. Started by {@link Bench}, one
 * fresh JVM per system and repetition, so no run inherits another's JIT, heap or page cache state
 * beyond the operating system's.
 */
public final class BenchRun {
    private BenchRun() {}

    /** Arguments as {@code --name value} pairs; see {@link Bench} for their meaning. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = Bench.options(args);
        Path out = Path.of(a.get("out"));
        Map<String, Object> result = run(
                a.get("system"),
                Corpus.load(
                        a.get("corpus"),
                        Path.of(a.get("data")),
                        Integer.parseInt(a.get("articles")),
                        Long.parseLong(a.get("seed"))),
                Path.of(a.get("work")),
                Integer.parseInt(a.get("queries-per-kind")),
                Integer.parseInt(a.get("passes")),
                Double.parseDouble(a.get("warmup")),
                Double.parseDouble(a.get("warmup-max")),
                Long.parseLong(a.get("seed")),
                a.get("search").equals("yes"),
                a.get("reingest").equals("yes"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    }

    /** The figures for one system, as a JSON-ready map. */
    static Map<String, Object> run(
            String system,
            Corpus corpus,
            Path work,
            int perKind,
            int passes,
            double warmupSeconds,
            double warmupMaxSeconds,
            long seed,
            boolean search,
            boolean reingest)
            throws IOException, InterruptedException {
        List<BenchQuery> queries = QuerySet.generate(corpus, perKind, seed);
        long textBytes = 0;
        for (BenchDoc d : corpus) {
            textBytes += d.textBytes();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("system", system);
        r.put("corpus", corpus.name());
        r.put("articles", corpus.size());
        r.put("textBytes", textBytes);
        r.put("queries", queries.size());
        r.put("java", Runtime.version().toString());
        r.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        deleteTree(work);
        System.gc();
        try (HeapWatch heap = new HeapWatch();
                SearchSystem s = SearchSystem.named(system, Runtime.getRuntime().availableProcessors())) {
            ThreadCpuWatch merges = new ThreadCpuWatch();
            long cpu0 = processCpuNanos();
            long allocated0 = allocatedBytes();
            long t0 = System.nanoTime();
            s.ingest(work, corpus);
            double seconds = (System.nanoTime() - t0) / 1e9;
            r.put("ingestMergeCpuSeconds", merges.cpuSeconds(ThreadCpuWatch.MERGES));
            r.put("ingestSeconds", seconds);
            // CPU time of the whole process (every thread, GC and JIT included): what the ingest
            // costs regardless of what else the machine runs meanwhile.
            r.put("ingestCpuSeconds", (processCpuNanos() - cpu0) / 1e9);
            // Bytes allocated by every thread: unlike time, the same from run to run.
            r.put("ingestAllocatedBytes", allocatedBytes() - allocated0);
            // A merge the ingest started may still run after it returned (Lucene merges in the
            // background). Left running, it would compete with the sync or the searches timed next,
            // and put one system's merge work into another phase's figures; so wait for it here,
            // and report the time until the index was settled and that merge's CPU.
            double leftMergeCpu0 = merges.cpuSeconds(ThreadCpuWatch.MERGES);
            waitForMerges();
            r.put("ingestSettledSeconds", (System.nanoTime() - t0) / 1e9);
            r.put("ingestLeftMergeCpuSeconds", merges.cpuSeconds(ThreadCpuWatch.MERGES) - leftMergeCpu0);
            merges.close();
            r.put("ingestDocsPerSec", corpus.size() / seconds);
            r.put("ingestMBPerSec", textBytes / 1e6 / seconds);
            r.put("indexBytes", sizeOf(work));
            r.put("ingestPeakHeapBytes", heap.peakUsed());
            r.put("ingestPeakLiveHeapBytes", heap.peakLive());
            if (reingest) {
                reingest(s, corpus, work, r);
            }
            if (search) {
                search(s, queries, r, passes, warmupSeconds, warmupMaxSeconds);
            }
            r.put("peakHeapBytes", heap.peakUsed());
            r.put("peakLiveHeapBytes", heap.peakLive());
        }
        r.put("peakRssBytes", peakRss());
        return r;
    }

    /** How long to wait for the merges an ingest left running before giving up on them. */
    private static final long MERGE_WAIT_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(30);

    /**
     * Waits until no Lucene merge thread is alive: Lucene's {@code ConcurrentMergeScheduler} runs
     * each merge on a thread of its own ({@value ThreadCpuWatch#MERGES} and a number) that ends with
     * its merge, and the same for every Lucene-based system, so this needs nothing from a system's
     * API. A system that does not merge this way (FTS5) returns at once.
     */
    static void waitForMerges() throws InterruptedException {
        long deadline = System.nanoTime() + MERGE_WAIT_LIMIT_NANOS;
        while (mergeThreadAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("merges still running "
                        + TimeUnit.NANOSECONDS.toMinutes(MERGE_WAIT_LIMIT_NANOS)
                        + " minutes after the ingest returned");
            }
            Thread.sleep(20);
        }
    }

    static boolean mergeThreadAlive() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(ThreadCpuWatch.MERGES)) {
                return true;
            }
        }
        return false;
    }

    /** A later sync changes one article in this many. */
    static final int REVISE_EVERY = 10;

    /**
     * Times a second ingest of the corpus, as a later sync of the same source offers it: one
     * article in {@value #REVISE_EVERY} changed ({@link Corpus#revised}), the rest unchanged.
     */
    private static void reingest(SearchSystem s, Corpus corpus, Path work, Map<String, Object> r) throws IOException {
        Iterable<BenchDoc> revised = corpus.revised(REVISE_EVERY);
        try (ThreadCpuWatch merges = new ThreadCpuWatch()) {
            long cpu0 = processCpuNanos();
            long allocated0 = allocatedBytes();
            long t0 = System.nanoTime();
            s.reingest(revised);
            double seconds = (System.nanoTime() - t0) / 1e9;
            r.put("reingestSeconds", seconds);
            r.put("reingestCpuSeconds", (processCpuNanos() - cpu0) / 1e9);
            // The sync's own merges: the ones the first ingest left have finished (above).
            r.put("reingestMergeCpuSeconds", merges.cpuSeconds(ThreadCpuWatch.MERGES));
            r.put("reingestAllocatedBytes", allocatedBytes() - allocated0);
            r.put("reingestDocsPerSec", corpus.size() / seconds);
        }
        r.put("reingestIndexBytes", sizeOf(work));
    }

    /** Times the query set without and with highlighting, on 1 and 2 threads, each after its warm-up. */
    private static void search(
            SearchSystem s,
            List<BenchQuery> queries,
            Map<String, Object> r,
            int passes,
            double warmupSeconds,
            double warmupMaxSeconds)
            throws IOException, InterruptedException {
        List<List<String>> tops = new ArrayList<>();
        for (BenchQuery q : queries) {
            tops.add(s.search(q, false));
        }
        r.put("topIds", tops);
        for (boolean highlight : new boolean[] {false, true}) {
            // Warm-up, untimed: whole passes for the minimum time, then until the JIT is quiet.
            JitWarmUp warmUp = new JitWarmUp(warmupSeconds, warmupMaxSeconds);
            boolean over;
            do {
                long round0 = System.nanoTime();
                long compiled0 = JitWarmUp.compileMillis();
                do {
                    timed(s, queries, highlight, 1, 1);
                } while (System.nanoTime() - round0 < JitWarmUp.ROUND_NANOS);
                long compiled = JitWarmUp.compileMillis();
                over = warmUp.round(System.nanoTime() - round0, compiled0 < 0 ? -1 : compiled - compiled0);
            } while (!over);
            String setting = highlight ? "highlight" : "plain";
            r.put(setting + "WarmupSeconds", warmUp.seconds());
            r.put(setting + "WarmupQuiet", warmUp.quiet());
            for (int threads : new int[] {1, 2}) {
                r.put(setting + threads, timed(s, queries, highlight, threads, passes));
            }
        }
    }

    /** Heap bytes allocated so far by all threads, those that ended included. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getTotalThreadAllocatedBytes();
        }
        return -1;
    }

    /** CPU time this process has used so far, in nanoseconds (-1 where unknown). */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The process's peak resident memory (Linux {@code VmHWM}), 0 where unknown: the figure that
     * counts SQLite's native page cache and Lucene's memory-mapped files, which heap figures miss.
     */
    static long peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /**
     * A timed setting lasts at least this long, whatever {@code passes} says: three passes of 120
     * queries took under half a second on 2 threads, too short a window (one collection or
     * scheduling hiccup moved QPS by a third).
     */
    static final long MIN_TIMED_NANOS = 3_000_000_000L;

    /**
     * QPS and latency percentiles for {@code passes} passes over the queries on {@code threads}, or
     * as many more whole passes as it takes to fill {@link #MIN_TIMED_NANOS}.
     */
    private static Map<String, Double> timed(
            SearchSystem s, List<BenchQuery> queries, boolean highlight, int threads, int passes)
            throws InterruptedException, IOException {
        long[][] latencies = new long[threads][];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        long minEnd = t0 + (passes > 1 ? MIN_TIMED_NANOS : 0); // one pass: a warm-up round
        for (int t = 0; t < threads; t++) {
            int thread = t;
            latencies[t] = new long[queries.size() * passes];
            Thread w = new Thread(
                    () -> {
                        int n = 0;
                        try {
                            for (int p = 0; p < passes || System.nanoTime() < minEnd; p++) {
                                if (n + queries.size() > latencies[thread].length) {
                                    latencies[thread] = Arrays.copyOf(latencies[thread], latencies[thread].length * 2);
                                }
                                // Each thread starts at its own point, so they do not run the same query at once.
                                for (int i = 0; i < queries.size(); i++) {
                                    BenchQuery q =
                                            queries.get((i + thread * queries.size() / threads) % queries.size());
                                    long start = System.nanoTime();
                                    s.search(q, highlight);
                                    latencies[thread][n++] = System.nanoTime() - start;
                                }
                            }
                            latencies[thread] = Arrays.copyOf(latencies[thread], n);
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "bench-search-" + (t + 1));
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw new IOException("search failed", failure.get());
        }
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("qps", all.length / wall);
        m.put("p50ms", percentile(all, 0.50) / 1e6);
        m.put("p99ms", percentile(all, 0.99) / 1e6);
        return m;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * The bytes of the files in {@code folder}; of a Lucene index, only the files its last commit
     * holds. Right after an ingest, merges may still be writing segments and open readers may still
     * hold merged-away ones: counting those made one system's index size vary by 20% from run to run.
     */
    static long sizeOf(Path folder) throws IOException {
        Set<Path> committed = new HashSet<>();
        try (Directory dir = FSDirectory.open(folder)) {
            if (DirectoryReader.indexExists(dir)) {
                for (String name : SegmentInfos.readLatestCommit(dir).files(true)) {
                    committed.add(folder.resolve(name));
                }
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> committed.isEmpty() || !isLuceneFile(folder, f) || committed.contains(f))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    /** Segment files and commit points (Lede keeps its own files beside them). */
    private static boolean isLuceneFile(Path folder, Path f) {
        String name = f.getFileName().toString();
        return f.getParent().equals(folder) && (name.startsWith("_") || name.startsWith("segments"));
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p :
                    files.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
