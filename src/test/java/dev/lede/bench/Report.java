package dev.lede.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's table: per metric, each system's median over the repetitions with its range,
 * and Lede's ratio to each other system (from the medians). Also a CSV with every run's figures,
 * one line per system, repetition and metric, for the cost curve.
 */
final class Report {
    /** A row: its key in the CSV, its label, and how to read it from a run. */
    record Metric(String key, String label, ToDoubleFunction<Map<String, Object>> value) {
        /** Whether the row comes from the searches, which a run with {@code --search no} skips. */
        boolean fromSearch() {
            return key.startsWith("plain") || key.startsWith("highlight");
        }

        /** Whether the row comes from the second ingest, which only a run with {@code --reingest yes} has. */
        boolean fromReingest() {
            return key.startsWith("reingest");
        }
    }

    static final List<Metric> METRICS = List.of(
            new Metric("ingestDocsPerSec", "ingest, articles/s", r -> num(r, "ingestDocsPerSec")),
            new Metric("ingestMBPerSec", "ingest, MB of text/s", r -> num(r, "ingestMBPerSec")),
            new Metric("ingestSeconds", "ingest, s", r -> num(r, "ingestSeconds")),
            new Metric("ingestCpuSeconds", "ingest, CPU s (all threads)", r -> num(r, "ingestCpuSeconds")),
            new Metric(
                    "ingestMergeCpuSeconds",
                    "ingest, of which CPU s in merge threads",
                    r -> numOrNaN(r, "ingestMergeCpuSeconds")),
            new Metric(
                    "ingestSettledSeconds",
                    "ingest until the merges it left running had finished, s",
                    r -> numOrNaN(r, "ingestSettledSeconds")),
            new Metric(
                    "ingestLeftMergeCpuSeconds",
                    "CPU s in those merges after the ingest returned",
                    r -> numOrNaN(r, "ingestLeftMergeCpuSeconds")),
            new Metric(
                    "ingestAllocatedGB",
                    "ingest, GB allocated (all threads)",
                    r -> num(r, "ingestAllocatedBytes") / 1e9),
            new Metric("indexMB", "index size, MB", r -> num(r, "indexBytes") / 1e6),
            new Metric(
                    "ingestPeakHeapMB", "peak heap in use during ingest, MB", r -> num(r, "ingestPeakHeapBytes") / 1e6),
            new Metric(
                    "ingestPeakLiveMB",
                    "peak live heap after GC during ingest, MB (0: no GC ran)",
                    r -> num(r, "ingestPeakLiveHeapBytes") / 1e6),
            new Metric(
                    "reingestDocsPerSec",
                    "re-ingest, 1 in " + BenchRun.REVISE_EVERY + " articles changed, articles offered/s",
                    r -> num(r, "reingestDocsPerSec")),
            new Metric("reingestSeconds", "re-ingest, s", r -> num(r, "reingestSeconds")),
            new Metric("reingestCpuSeconds", "re-ingest, CPU s (all threads)", r -> num(r, "reingestCpuSeconds")),
            new Metric(
                    "reingestMergeCpuSeconds",
                    "re-ingest, of which CPU s in merge threads",
                    r -> numOrNaN(r, "reingestMergeCpuSeconds")),
            new Metric(
                    "reingestAllocatedGB",
                    "re-ingest, GB allocated (all threads)",
                    r -> num(r, "reingestAllocatedBytes") / 1e9),
            new Metric(
                    "reingestIndexMB", "index size after the re-ingest, MB", r -> num(r, "reingestIndexBytes") / 1e6),
            new Metric(
                    "plainWarmupSeconds",
                    "search warm-up until the JIT is quiet, s",
                    r -> num(r, "plainWarmupSeconds")),
            new Metric("plain1.qps", "search QPS, 1 thread", r -> sub(r, "plain1", "qps")),
            new Metric("plain1.p50ms", "search p50 ms, 1 thread", r -> sub(r, "plain1", "p50ms")),
            new Metric("plain1.p99ms", "search p99 ms, 1 thread", r -> sub(r, "plain1", "p99ms")),
            new Metric("plain2.qps", "search QPS, 2 threads", r -> sub(r, "plain2", "qps")),
            new Metric("plain2.p50ms", "search p50 ms, 2 threads", r -> sub(r, "plain2", "p50ms")),
            new Metric("plain2.p99ms", "search p99 ms, 2 threads", r -> sub(r, "plain2", "p99ms")),
            new Metric(
                    "highlightWarmupSeconds",
                    "search + 1 snippet/hit warm-up until the JIT is quiet, s",
                    r -> num(r, "highlightWarmupSeconds")),
            new Metric("highlight1.qps", "search + 1 snippet/hit QPS, 1 thread", r -> sub(r, "highlight1", "qps")),
            new Metric(
                    "highlight1.p50ms", "search + 1 snippet/hit p50 ms, 1 thread", r -> sub(r, "highlight1", "p50ms")),
            new Metric(
                    "highlight1.p99ms", "search + 1 snippet/hit p99 ms, 1 thread", r -> sub(r, "highlight1", "p99ms")),
            new Metric("highlight2.qps", "search + 1 snippet/hit QPS, 2 threads", r -> sub(r, "highlight2", "qps")),
            new Metric(
                    "highlight2.p50ms", "search + 1 snippet/hit p50 ms, 2 threads", r -> sub(r, "highlight2", "p50ms")),
            new Metric(
                    "highlight2.p99ms", "search + 1 snippet/hit p99 ms, 2 threads", r -> sub(r, "highlight2", "p99ms")),
            new Metric("peakHeapMB", "peak heap in use, whole run, MB", r -> num(r, "peakHeapBytes") / 1e6),
            new Metric(
                    "peakRssMB",
                    "peak resident memory of the JVM, whole run, MB (0: unknown)",
                    r -> num(r, "peakRssBytes") / 1e6));

    private final Map<String, String> options;
    private final List<String> systems;
    private final Map<String, List<Map<String, Object>>> runs;
    private final double load;
    private final Instant finished;

    Report(
            Map<String, String> options,
            List<String> systems,
            Map<String, List<Map<String, Object>>> runs,
            double load,
            Instant finished) {
        this.options = options;
        this.systems = systems;
        this.runs = runs;
        this.load = load;
        this.finished = finished;
    }

    String markdown() {
        Map<String, Object> first = runs.get(systems.get(0)).get(0);
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Corpus %s, %,d articles (%.1f MB of text), %d queries, %s repetition(s), each system in a"
                        + " fresh JVM (-Xms and -Xmx %s, Java %s, %d cores, load average %.2f at start), %s.%n%n",
                options.get("corpus"),
                ((Number) first.get("articles")).intValue(),
                num(first, "textBytes") / 1e6,
                ((Number) first.get("queries")).intValue(),
                options.get("repeat"),
                options.get("xmx"),
                first.get("java"),
                ((Number) first.get("cores")).intValue(),
                load,
                finished));
        md.append(
                "Median [min–max] over the repetitions; ratios are of the medians (for times and sizes, below 1 means Lede is cheaper).\n\n");
        md.append("| metric |");
        systems.forEach(s -> md.append(' ').append(s).append(" |"));
        List<String[]> ratios = comparisons();
        ratios.forEach(c -> md.append(' ').append(c[0]).append('/').append(c[1]).append(" |"));
        md.append("\n|---|");
        md.append("---:|".repeat(systems.size() + ratios.size()));
        md.append('\n');
        for (Metric m : metrics()) {
            md.append("| ").append(m.label()).append(" |");
            for (String s : systems) {
                md.append(' ').append(cell(values(s, m))).append(" |");
            }
            for (String[] c : ratios) {
                md.append(' ')
                        .append(ratio(median(values(c[0], m)), median(values(c[1], m))))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append(pairs(ratios));
        md.append(agreement());
        md.append(unsettled());
        return md.toString();
    }

    /**
     * The rows the runs have figures for: without searches ({@code --search no}), the ingest's; the
     * re-ingest's only with {@code --reingest yes}.
     */
    private List<Metric> metrics() {
        Map<String, Object> first = runs.get(systems.get(0)).get(0);
        boolean searched = first.containsKey("plain1");
        boolean reingested = first.containsKey("reingestSeconds");
        return METRICS.stream()
                .filter(m -> searched || !m.fromSearch())
                .filter(m -> reingested || !m.fromReingest())
                .toList();
    }

    /**
     * Lede's ingest speed over each other system's, repetition by repetition (both ran within the
     * same repetition, so a slow spell of the machine tends to hit both), with their median: the
     * ratio of medians in the table can pair a fast run of one system with a slow run of the other.
     */
    private String pairs(List<String[]> comparisons) {
        StringBuilder out = new StringBuilder();
        for (String[] c : comparisons) {
            List<Map<String, Object>> lede = runs.get(c[0]);
            String o = c[1];
            List<Map<String, Object>> other = runs.get(o);
            int n = Math.min(lede.size(), other.size());
            if (n < 2) {
                continue;
            }
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                ratios.add(num(lede.get(r), "ingestDocsPerSec") / num(other.get(r), "ingestDocsPerSec"));
            }
            List<Double> sorted = new ArrayList<>(ratios);
            sorted.sort(null);
            out.append(String.format(
                    Locale.ROOT,
                    "%nIngest speed, %s/%s, repetition by repetition: %s (median %.2f).%n",
                    c[0],
                    o,
                    String.join(
                            " ",
                            ratios.stream()
                                    .map(x -> String.format(Locale.ROOT, "%.2f", x))
                                    .toList()),
                    median(sorted)));
        }
        return out.toString();
    }

    /**
     * The ratio columns, as (system, baseline) pairs: Lede against every other system but its lean
     * configuration, and {@code lede-lean} against the systems doing the same work (title and body
     * only): {@code lucene-plain} and {@code fts5}.
     */
    private List<String[]> comparisons() {
        List<String[]> pairs = new ArrayList<>();
        if (systems.contains("lede")) {
            systems.stream()
                    .filter(s -> !s.equals("lede") && !s.equals("lede-lean"))
                    .forEach(s -> pairs.add(new String[] {"lede", s}));
        }
        if (systems.contains("lede-lean")) {
            systems.stream()
                    .filter(s -> s.equals("lucene-plain") || s.equals("fts5"))
                    .forEach(s -> pairs.add(new String[] {"lede-lean", s}));
        }
        return pairs;
    }

    /** The runs whose warm-up ended at its maximum with the JIT still busy: their times are suspect. */
    private String unsettled() {
        List<String> found = new ArrayList<>();
        for (String s : systems) {
            List<Map<String, Object>> list = runs.get(s);
            for (int r = 0; r < list.size(); r++) {
                for (String setting : List.of("plain", "highlight")) {
                    if (Boolean.FALSE.equals(list.get(r).get(setting + "WarmupQuiet"))) {
                        found.add(s + " run " + (r + 1) + " (" + setting + ")");
                    }
                }
            }
        }
        return found.isEmpty()
                ? ""
                : "\nThe JIT was still compiling when the warm-up reached --warmup-max in: " + String.join(", ", found)
                        + ".\n";
    }

    /** How often the systems agree on the ranking: a sanity check that they do the same work. */
    private String agreement() {
        if (!runs.containsKey("lede") || !runs.get("lede").get(0).containsKey("topIds")) {
            return "";
        }
        @SuppressWarnings("unchecked")
        List<List<String>> lede = (List<List<String>>) runs.get("lede").get(0).get("topIds");
        StringBuilder out = new StringBuilder("\n");
        for (String o : systems) {
            if (o.equals("lede")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<List<String>> other = (List<List<String>>) runs.get(o).get(0).get("topIds");
            int sameTop = 0;
            int sameTen = 0;
            for (int q = 0; q < lede.size(); q++) {
                List<String> a = lede.get(q);
                List<String> b = other.get(q);
                sameTen += a.equals(b) ? 1 : 0;
                sameTop += a.isEmpty()
                        ? (b.isEmpty() ? 1 : 0)
                        : (!b.isEmpty() && a.get(0).equals(b.get(0)) ? 1 : 0);
            }
            out.append(String.format(
                    Locale.ROOT,
                    "Lede and %s: same top hit for %d of %d queries, same top 10 in order for %d.%n",
                    o,
                    sameTop,
                    lede.size(),
                    sameTen));
        }
        return out.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("corpus,articles,system,repetition,metric,value\n");
        for (String s : systems) {
            List<Map<String, Object>> list = runs.get(s);
            for (int r = 0; r < list.size(); r++) {
                for (Metric m : metrics()) {
                    csv.append(String.format(
                            Locale.ROOT,
                            "%s,%d,%s,%d,%s,%.4f%n",
                            options.get("corpus"),
                            ((Number) list.get(r).get("articles")).intValue(),
                            s,
                            r + 1,
                            m.key(),
                            m.value().applyAsDouble(list.get(r))));
                }
            }
        }
        return csv.toString();
    }

    private List<Double> values(String system, Metric m) {
        List<Double> v = new ArrayList<>();
        runs.get(system).forEach(r -> v.add(m.value().applyAsDouble(r)));
        v.sort(null);
        return v;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String ratio(double lede, double other) {
        return other == 0 ? "–" : String.format(Locale.ROOT, "%.2f", lede / other);
    }

    private static String cell(List<Double> sorted) {
        String median = figure(median(sorted));
        if (sorted.size() == 1) {
            return median;
        }
        return median + " [" + figure(sorted.get(0)) + "–" + figure(sorted.get(sorted.size() - 1)) + "]";
    }

    private static String figure(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double num(Map<String, Object> run, String key) {
        return ((Number) run.get(key)).doubleValue();
    }

    /** A figure runs before it was recorded lack (read again by {@code --redraw}). */
    private static double numOrNaN(Map<String, Object> run, String key) {
        return run.containsKey(key) ? num(run, key) : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private static double sub(Map<String, Object> run, String key, String field) {
        return ((Number) ((Map<String, Object>) run.get(key)).get(field)).doubleValue();
    }
}
