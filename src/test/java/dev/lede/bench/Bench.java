package dev.lede.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark command: runs each system in its own fresh JVM on the same corpus and query set,
 * alternating the order every repetition, then prints a Markdown table of medians with their
 * spread and the ratios Lede/raw Lucene and Lede/FTS5, and writes it with the raw figures under
 * the output folder ({@code results.md}, {@code results.json}, {@code results.csv}). Started by
 * {@code docs/measure/bench.sh}, which documents the options.
 */
public final class Bench {
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("corpus", "reuters"),
            Map.entry("articles", "20000"),
            Map.entry("sizes", ""),
            Map.entry("repeat", "3"),
            Map.entry("systems", "lede,lucene,lucene-plain,fts5"),
            Map.entry("data", System.getProperty("lede.shared.data", "../shared/data")),
            Map.entry("seed", "42"),
            Map.entry("queries-per-kind", "20"),
            Map.entry("passes", "3"),
            Map.entry("warmup", "5"),
            Map.entry("warmup-max", "60"),
            Map.entry("xmx", "1g"),
            Map.entry("redraw", "no"),
            Map.entry("search", "yes"),
            Map.entry("reingest", "no"),
            Map.entry("out", "target/bench"));

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a;
        try {
            a = commandOptions(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "; docs/measure/bench.sh --help lists the options");
            System.exit(2);
            return;
        }
        Path out = Path.of(a.get("out")).toAbsolutePath();
        if (a.get("sizes").isEmpty()) {
            run(a, out);
            return;
        }
        // The cost curve: the whole benchmark once per size, then the curve from every size's CSV.
        List<Path> csvFiles = new ArrayList<>();
        for (String size : a.get("sizes").split(",")) {
            Map<String, String> one = new LinkedHashMap<>(a);
            one.put("articles", size.trim());
            Path folder = out.resolve("size-" + size.trim());
            // --redraw yes: the curve again from the results already in --out, nothing run.
            csvFiles.add(a.get("redraw").equals("yes") ? folder.resolve("results.csv") : run(one, folder));
        }
        CostCurve curve = CostCurve.read(csvFiles);
        String caption = String.format(
                Locale.ROOT,
                "Cost by corpus size: %s corpus, %s repetition(s), -Xms/-Xmx%s, Java %s, %d cores",
                a.get("corpus"),
                a.get("repeat"),
                a.get("xmx"),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        Files.writeString(out.resolve("cost-curve.svg"), curve.svg(caption), UTF_8);
        Files.writeString(out.resolve("cost-curve.md"), curve.markdown(), UTF_8);
        System.out.print("\n" + curve.markdown());
        System.err.println("bench: wrote " + out.resolve("cost-curve.svg") + " and cost-curve.md");
    }

    /** One benchmark at one size: prints the table and writes it to {@code out}; returns the CSV. */
    private static Path run(Map<String, String> a, Path out) throws IOException, InterruptedException {
        List<String> systems = List.of(a.get("systems").split(","));
        int repeat = Integer.parseInt(a.get("repeat"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        systems.forEach(s -> runs.put(s, new ArrayList<>()));
        for (int r = 0; r < repeat; r++) {
            List<String> order = new ArrayList<>(systems);
            Collections.rotate(order, -r); // alternate who goes first
            for (String system : order) {
                System.err.printf(
                        "bench: %s articles, repetition %d of %d, %s%n", a.get("articles"), r + 1, repeat, system);
                runs.get(system).add(runChild(a, system, r, out));
            }
        }
        Report report = new Report(a, systems, runs, load, Instant.now());
        String markdown = report.markdown();
        System.out.print(markdown);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), markdown, UTF_8);
        Files.writeString(out.resolve("results.csv"), report.csv(), UTF_8);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("results.json").toFile(), Map.of("options", a, "runs", runs));
        System.err.println("bench: wrote " + out.resolve("results.md") + ", results.csv, results.json");
        return out.resolve("results.csv");
    }

    private static Map<String, Object> runChild(Map<String, String> a, String system, int r, Path out)
            throws IOException, InterruptedException {
        Path result = out.resolve("runs").resolve(system + "-" + (r + 1) + ".json");
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + a.get("xmx"),
                // A fixed heap, as for any benchmark: with a growing one, the collector's sizing
                // decisions (a small young generation collected many times a second) moved search
                // medians by a third from run to run.
                "-Xms" + a.get("xmx"),
                "--enable-native-access=ALL-UNNAMED",
                // Lucene's SIMD code paths; the same flags for every system.
                "--add-modules",
                "jdk.incubator.vector",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                BenchRun.class.getName()));
        for (String key : List.of(
                "corpus",
                "data",
                "articles",
                "seed",
                "queries-per-kind",
                "passes",
                "warmup",
                "warmup-max",
                "search",
                "reingest")) {
            command.addAll(List.of("--" + key, a.get(key)));
        }
        command.addAll(List.of(
                "--system", system, "--work", out.resolve("index-" + system).toString()));
        command.addAll(List.of("--out", result.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException(system + " run " + (r + 1) + " failed with exit code " + exit);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = new ObjectMapper().readValue(result.toFile(), Map.class);
        return figures;
    }

    /** The command's options: {@code --name value} pairs, each name one of {@link #DEFAULTS}. */
    static Map<String, String> commandOptions(String[] args) {
        Map<String, String> options = options(args);
        for (String name : options.keySet()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        String search = options.get("search");
        if (!search.equals("yes") && !search.equals("no")) {
            throw new IllegalArgumentException("--search takes yes or no, not " + search);
        }
        String reingest = options.get("reingest");
        if (!reingest.equals("yes") && !reingest.equals("no")) {
            throw new IllegalArgumentException("--reingest takes yes or no, not " + reingest);
        }
        if (search.equals("no") && !options.get("sizes").isEmpty()) {
            throw new IllegalArgumentException("the cost curve (--sizes) needs the search figures: drop --search no");
        }
        return options;
    }

    /** {@code --name value} pairs over {@link #DEFAULTS}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
