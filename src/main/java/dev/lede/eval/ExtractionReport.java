package dev.lede.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The result of {@link ExtractionEvaluation#run}: one score per page, with means by source and
 * by subset.
 *
 * @param pages per-page scores, in the order of the truth file
 * @param extractNanos total time spent extracting (reading files and scoring not included)
 */
public record ExtractionReport(List<PageScore> pages, long extractNanos) {
    public ExtractionReport {
        pages = List.copyOf(pages);
    }

    /** Means over every page. */
    public ExtractionSummary overall() {
        return ExtractionSummary.of(pages);
    }

    /** Means per source ({@code wcxb-dev}, ...), sorted by name. */
    public Map<String, ExtractionSummary> bySource() {
        return group(PageScore::source);
    }

    /** Means per subset ({@code news-magazine}, ...), sorted by name. */
    public Map<String, ExtractionSummary> bySubset() {
        return group(PageScore::subset);
    }

    /** Pages extracted per second, on one thread. */
    public double pagesPerSecond() {
        return extractNanos == 0 ? 0 : pages.size() / (extractNanos / 1e9);
    }

    /** The {@code n} pages with the lowest body F1, lowest first. */
    public List<PageScore> worst(int n) {
        return pages.stream()
                .sorted(Comparator.comparingDouble((PageScore p) -> p.body().f1()))
                .limit(n)
                .toList();
    }

    private Map<String, ExtractionSummary> group(java.util.function.Function<PageScore, String> key) {
        Map<String, List<PageScore>> groups =
                pages.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, ExtractionSummary> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, ExtractionSummary.of(v)));
        return out;
    }
}
