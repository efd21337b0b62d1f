package dev.lede.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost curve: how ingest time and query latency grow with the number of articles, per system,
 * from the benchmark's {@code results.csv} files of several sizes. Draws an SVG with one panel per
 * metric (medians over the repetitions; both axes logarithmic, with a dotted line of slope 1
 * through each system's first point, so that a curve under it grows slower than linearly) and a
 * Markdown table of the same medians.
 */
final class CostCurve {
    /** The metrics drawn, in panel order: CSV key and panel title. */
    static final List<List<String>> PANELS = List.of(
            List.of("ingestSeconds", "ingest time, s"),
            List.of("plain1.p50ms", "search p50, ms (1 thread, top 10)"),
            List.of("highlight1.p50ms", "search + 1 snippet/hit p50, ms (1 thread)"),
            List.of("indexMB", "index size, MB"));

    private static final Map<String, String> COLOURS = Map.of(
            "lede",
            "#d62728",
            "lede-lean",
            "#ff7f0e",
            "lucene",
            "#1f77b4",
            "lucene-plain",
            "#9467bd",
            "fts5",
            "#2ca02c");

    /** Median per metric, system and size: metric -> system -> articles -> median. */
    private final Map<String, Map<String, TreeMap<Integer, Double>>> medians = new TreeMap<>();

    private CostCurve() {}

    /** Reads every {@code results.csv} given. */
    static CostCurve read(List<Path> csvFiles) throws IOException {
        Map<String, List<Double>> values = new TreeMap<>();
        for (Path csv : csvFiles) {
            List<String> lines = Files.readAllLines(csv, UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                // corpus,articles,system,repetition,metric,value
                values.computeIfAbsent(f[4] + "\t" + f[2] + "\t" + f[1], k -> new ArrayList<>())
                        .add(Double.parseDouble(f[5]));
            }
        }
        CostCurve curve = new CostCurve();
        values.forEach((key, v) -> {
            String[] k = key.split("\t");
            v.sort(null);
            curve.medians
                    .computeIfAbsent(k[0], x -> new TreeMap<>())
                    .computeIfAbsent(k[1], x -> new TreeMap<>())
                    .put(Integer.parseInt(k[2]), Report.median(v));
        });
        return curve;
    }

    /** The medians as a Markdown table: a row per size and system. */
    String markdown() {
        StringBuilder md = new StringBuilder("| articles | system |");
        PANELS.forEach(p -> md.append(' ').append(p.get(1)).append(" |"));
        md.append(" ingest, articles/s |\n|---:|---|");
        md.append("---:|".repeat(PANELS.size() + 1)).append('\n');
        Map<String, TreeMap<Integer, Double>> ingest = medians.getOrDefault("ingestSeconds", Map.of());
        for (String system : ingest.keySet()) {
            for (int articles : ingest.get(system).keySet()) {
                md.append(String.format(Locale.ROOT, "| %,d | %s |", articles, system));
                for (List<String> p : PANELS) {
                    Double v = medians.getOrDefault(p.get(0), Map.of())
                            .getOrDefault(system, new TreeMap<>())
                            .get(articles);
                    md.append(' ').append(v == null ? "–" : figure(v)).append(" |");
                }
                Double rate = medians.getOrDefault("ingestDocsPerSec", Map.of())
                        .getOrDefault(system, new TreeMap<>())
                        .get(articles);
                md.append(' ').append(rate == null ? "–" : figure(rate)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** The panels as one SVG image. */
    String svg(String caption) {
        int panelW = 420;
        int panelH = 300;
        int cols = 2;
        int rows = (PANELS.size() + cols - 1) / cols;
        int width = panelW * cols;
        int height = panelH * rows + 60;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"13\">%s</text>%n", escape(caption)));
        int legendX = 10;
        for (String system : systems()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"28\" width=\"12\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"34\">%s</text>%n",
                    legendX,
                    colour(system),
                    legendX + 16,
                    escape(system)));
            legendX += 40 + 7 * system.length(); // room for the name at the legend's font size
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"34\" fill=\"#777\">dotted: linear growth from each system's first point;"
                        + " log-log axes</text>%n",
                legendX));
        for (int i = 0; i < PANELS.size(); i++) {
            panel(svg, PANELS.get(i), (i % cols) * panelW, 50 + (i / cols) * panelH, panelW, panelH);
        }
        return svg.append("</svg>\n").toString();
    }

    private void panel(StringBuilder svg, List<String> panel, int x0, int y0, int w, int h) {
        Map<String, TreeMap<Integer, Double>> series = medians.getOrDefault(panel.get(0), Map.of());
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (TreeMap<Integer, Double> s : series.values()) {
            for (Map.Entry<Integer, Double> e : s.entrySet()) {
                if (e.getValue() > 0) {
                    minX = Math.min(minX, e.getKey());
                    maxX = Math.max(maxX, e.getKey());
                    minY = Math.min(minY, e.getValue());
                    maxY = Math.max(maxY, e.getValue());
                }
            }
        }
        int left = x0 + 55;
        int top = y0 + 25;
        int plotW = w - 90;
        int plotH = h - 70;
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
                left,
                y0 + 15,
                escape(panel.get(1))));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                left,
                top,
                plotW,
                plotH));
        if (maxX == 0) {
            return;
        }
        // Decades around the data, so that growth rates read the same in every panel.
        double lx0 = Math.floor(Math.log10(minX));
        double lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(maxX)));
        double ly0 = Math.floor(Math.log10(minY));
        double ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(maxY)));
        Axis ax = new Axis(lx0, lx1, left, left + plotW);
        Axis ay = new Axis(ly0, ly1, top + plotH, top);
        for (double d = lx0; d <= lx1; d++) {
            double px = ax.at(Math.pow(10, d));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px,
                    top,
                    px,
                    top + plotH,
                    px,
                    top + plotH + 14,
                    figure(Math.pow(10, d))));
        }
        for (double d = ly0; d <= ly1; d++) {
            double py = ay.at(Math.pow(10, d));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left,
                    py,
                    left + plotW,
                    py,
                    left - 4,
                    py + 4,
                    figure(Math.pow(10, d))));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">articles</text>%n",
                left + plotW / 2,
                top + plotH + 30));
        for (Map.Entry<String, TreeMap<Integer, Double>> s : series.entrySet()) {
            String colour = colour(s.getKey());
            StringBuilder points = new StringBuilder();
            Map.Entry<Integer, Double> first = null;
            for (Map.Entry<Integer, Double> e : s.getValue().entrySet()) {
                if (e.getValue() <= 0) {
                    continue;
                }
                first = first == null ? e : first;
                double px = ax.at(e.getKey());
                double py = ay.at(e.getValue());
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, colour));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(),
                    colour));
            if (first != null && s.getValue().size() > 1) {
                // Linear growth from the first point, clipped to the panel.
                double endX = Math.pow(10, lx1);
                double endY = first.getValue() * endX / first.getKey();
                if (endY > Math.pow(10, ly1)) {
                    endY = Math.pow(10, ly1);
                    endX = first.getKey() * endY / first.getValue();
                }
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                                + " stroke-dasharray=\"2,3\"/>%n",
                        ax.at(first.getKey()),
                        ay.at(first.getValue()),
                        ax.at(endX),
                        ay.at(endY),
                        colour));
            }
        }
    }

    private List<String> systems() {
        List<String> systems = new ArrayList<>();
        for (Map<String, TreeMap<Integer, Double>> bySystem : medians.values()) {
            bySystem.keySet().stream().filter(s -> !systems.contains(s)).forEach(systems::add);
        }
        systems.sort(null);
        return systems;
    }

    private static String colour(String system) {
        return COLOURS.getOrDefault(system, "#7f7f7f");
    }

    private record Axis(double logFrom, double logTo, double from, double to) {
        double at(double value) {
            return from + (Math.log10(value) - logFrom) / (logTo - logFrom) * (to - from);
        }
    }

    private static String figure(double v) {
        if (v >= 1_000_000 && v % 1_000_000 == 0) {
            return String.format(Locale.ROOT, "%,.0fM", v / 1_000_000);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
