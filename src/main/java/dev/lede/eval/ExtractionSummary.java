package dev.lede.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Means over a group of pages. Title, author and date accuracy are over the pages whose reference
 * has that value ({@code NaN} when none has); snippet recall and leakage are shares of all
 * snippets in the group.
 *
 * @param pages pages in the group
 * @param precision mean body shingle precision
 * @param recall mean body shingle recall
 * @param f1 mean body shingle F1
 * @param shareF1AtLeast90 share of pages with body F1 of 0.9 or more
 * @param bagOfWordsF1 mean bag-of-words F1
 * @param titleAccuracy share of titles matched
 * @param titlePages pages with a reference title
 * @param authorAccuracy share of author sets matched
 * @param authorPages pages with a reference author
 * @param authorFalsePositives pages with authors extracted but none in the reference
 * @param dateAccuracy share of dates matched
 * @param datePages pages with a reference date
 * @param dateFalsePositives pages with a date extracted but none in the reference
 * @param snippetRecall share of {@code must_include} snippets found
 * @param leakage share of {@code must_exclude} snippets found
 */
public record ExtractionSummary(
        int pages,
        double precision,
        double recall,
        double f1,
        double shareF1AtLeast90,
        double bagOfWordsF1,
        double titleAccuracy,
        int titlePages,
        double authorAccuracy,
        int authorPages,
        int authorFalsePositives,
        double dateAccuracy,
        int datePages,
        int dateFalsePositives,
        double snippetRecall,
        double leakage) {

    /** The summary of {@code pages}. */
    public static ExtractionSummary of(List<PageScore> pages) {
        Objects.requireNonNull(pages, "pages");
        return new ExtractionSummary(
                pages.size(),
                mean(pages, p -> p.body().precision()),
                mean(pages, p -> p.body().recall()),
                mean(pages, p -> p.body().f1()),
                mean(pages, p -> p.body().f1() >= 0.9 ? 1.0 : 0.0),
                mean(pages, p -> p.bagOfWords().f1()),
                accuracy(pages, PageScore::title),
                count(pages, PageScore::title),
                accuracy(pages, PageScore::authors),
                count(pages, PageScore::authors),
                (int) pages.stream().filter(PageScore::authorFalsePositive).count(),
                accuracy(pages, PageScore::date),
                count(pages, PageScore::date),
                (int) pages.stream().filter(PageScore::dateFalsePositive).count(),
                share(pages, PageScore::snippetsFound, PageScore::snippets),
                share(pages, PageScore::leaksFound, PageScore::leaks));
    }

    private static double mean(List<PageScore> pages, Function<PageScore, Double> value) {
        return pages.stream().mapToDouble(value::apply).average().orElse(Double.NaN);
    }

    private static int count(List<PageScore> pages, Function<PageScore, Boolean> match) {
        return (int) pages.stream().filter(p -> match.apply(p) != null).count();
    }

    private static double accuracy(List<PageScore> pages, Function<PageScore, Boolean> match) {
        return pages.stream()
                .map(match)
                .filter(Objects::nonNull)
                .mapToDouble(b -> b ? 1 : 0)
                .average()
                .orElse(Double.NaN);
    }

    private static double share(
            List<PageScore> pages, Function<PageScore, Integer> found, Function<PageScore, Integer> total) {
        int all = pages.stream().mapToInt(total::apply).sum();
        return all == 0
                ? Double.NaN
                : (double) pages.stream().mapToInt(found::apply).sum() / all;
    }
}
