package dev.lede.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One page of search results.
 *
 * @param total matching articles: exact when {@code totalIsExact}, else a lower bound (counting
 *     stops past 1,000 matches, as in Lucene and Elasticsearch)
 * @param totalIsExact whether {@code total} is exact
 * @param hits the returned page, best first
 * @param took time spent searching and highlighting
 */
public record SearchResults(long total, boolean totalIsExact, List<Hit> hits, Duration took) {
    public SearchResults {
        if (total < 0) {
            throw new IllegalArgumentException("total must be 0 or more, not " + total);
        }
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(took, "took");
    }

    /** No hits. */
    public static SearchResults empty(Duration took) {
        return new SearchResults(0, true, List.of(), took);
    }
}
