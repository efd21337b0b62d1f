package dev.lede.eval;

import java.util.Objects;

/**
 * How well the extractor did on one page of an extraction test set. A {@code null} match means
 * the reference has no value to compare; a false positive is a value extracted where the
 * reference has none.
 *
 * @param id page id
 * @param source the collection the page came from
 * @param subset the subset within it
 * @param body 4-token shingle overlap of the body
 * @param bagOfWords 1-token overlap of the body: shows whether a loss is wrong content or order
 * @param title title match, or {@code null}
 * @param authors exact author-set match, or {@code null}
 * @param authorFalsePositive authors extracted where the reference has none
 * @param date date match, or {@code null}
 * @param dateFalsePositive a date extracted where the reference has none
 * @param snippetsFound {@code must_include} snippets found in the body
 * @param snippets {@code must_include} snippets
 * @param leaksFound {@code must_exclude} snippets found in the body
 * @param leaks {@code must_exclude} snippets
 * @param nanos time to extract the page
 */
public record PageScore(
        String id,
        String source,
        String subset,
        ExtractionMetrics.Overlap body,
        ExtractionMetrics.Overlap bagOfWords,
        Boolean title,
        Boolean authors,
        boolean authorFalsePositive,
        Boolean date,
        boolean dateFalsePositive,
        int snippetsFound,
        int snippets,
        int leaksFound,
        int leaks,
        long nanos) {
    public PageScore {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subset, "subset");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bagOfWords, "bagOfWords");
    }
}
