package dev.lede.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Times one more sync of an index a benchmark run left behind (`bench.sh --reingest yes`), in a
 * fresh JVM and on a copy of the index, so that it can be run again and again from the same state:
 * the corpus as {@link Corpus#revisedAgain} offers it, one article in {@value BenchRun#REVISE_EVERY}
 * changed once more. Prints the time, the CPU time, how much of it merge threads took (a merge
 * still running when the system closes is abandoned, not committed), the segments before and after,
 * and the CPU by thread group ({@link ThreadCpuWatch}) with the JVM's own threads' share
 * (docs/measure/sync-again.sh).
 */
public final class SyncAgain {
    private SyncAgain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 5) {
            System.err.println(
                    "usage: sync-again.sh SYSTEM INDEX ARTICLES [CORPUS [SEED]]: lede or lucene, the index folder"
                            + " bench.sh left (<out>/index-SYSTEM), the --articles it ran with, and its"
                            + " --corpus and --seed if not reuters and 42");
            System.exit(2);
        }
        String system = args[0];
        if (!system.equals("lede") && !system.equals("lucene")) {
            fail("SYSTEM is lede or lucene (the systems that can reopen an index), not " + system);
        }
        Path index = Path.of(args[1]).toAbsolutePath();
        int articles = number(args[2], "ARTICLES");
        String corpusName = args.length > 3 ? args[3] : "reuters";
        long seed = args.length > 4 ? number(args[4], "SEED") : 42;
        if (!Files.isDirectory(index)) {
            fail("no index folder at " + index);
        }
        Path work = index.resolveSibling(index.getFileName() + "-sync-again");
        BenchRun.deleteTree(work);
        copyTree(index, work);
        Corpus corpus = Corpus.load(
                corpusName, Path.of(System.getProperty("lede.shared.data", "../shared/data")), articles, seed);
        List<SegmentCommitInfo> before = segments(work);
        try (SearchSystem s = SearchSystem.named(system, Runtime.getRuntime().availableProcessors())) {
            s.reopen(work);
            double seconds;
            double cpu;
            Map<String, Double> byGroup;
            try (ThreadCpuWatch watch = new ThreadCpuWatch()) {
                long cpu0 = BenchRun.processCpuNanos();
                long t0 = System.nanoTime();
                s.reingest(corpus.revisedAgain(BenchRun.REVISE_EVERY));
                seconds = (System.nanoTime() - t0) / 1e9;
                cpu = (BenchRun.processCpuNanos() - cpu0) / 1e9;
                byGroup = watch.byGroup();
            }
            List<SegmentCommitInfo> after = segments(work);
            System.out.printf(
                    Locale.ROOT,
                    "%s: sync of %,d articles, 1 in %d changed: %.2f s, CPU %.2f s (%.2f s of it in merge threads);"
                            + " segments %d before, %d after%n",
                    system,
                    articles,
                    BenchRun.REVISE_EVERY,
                    seconds,
                    cpu,
                    byGroup.getOrDefault(ThreadCpuWatch.MERGES, 0.0),
                    before.size(),
                    after.size());
            double javaThreads =
                    byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.println(cpuByThread(byGroup, cpu - javaThreads));
        } finally {
            BenchRun.deleteTree(work);
        }
    }

    /**
     * "CPU s by thread: lede-ingest 40.31, main 4.10, ..., JVM's own (GC, JIT) 9.20": the groups
     * that took 0.005 s or more, largest first, then {@code jvmOwn}, the rest of the process's CPU.
     */
    static String cpuByThread(Map<String, Double> byGroup, double jvmOwn) {
        StringBuilder line = new StringBuilder("CPU s by thread:");
        byGroup.entrySet().stream()
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.2f,", e.getKey(), e.getValue())));
        return line.append(String.format(Locale.ROOT, " JVM's own (GC, JIT) %.2f", jvmOwn))
                .toString();
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail(name + " is a whole number, as bench.sh ran with, not " + value);
            return 0; // not reached
        }
    }

    private static void fail(String message) {
        System.err.println("sync-again: " + message);
        System.exit(2);
    }

    private static List<SegmentCommitInfo> segments(Path folder) throws IOException {
        try (FSDirectory dir = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(dir).asList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
