package dev.lede.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results.
 *
 * @param total matching articles: exact when {@code totalIsExact}, else a lower bound (counting
 *     stops past 1,000 matches, as in Lucene and Elasticsearch, unless the request asked for an
 *     exact total)
 * @param totalIsExact whether {@code total} is exact
 * @param hits the returned page, in the requested order
 * @param nextCursor the cursor for the next page ({@link SearchRequest#after(String)}), or {@code
 *     null} when this page is the last
 * @param took time spent searching and highlighting
 * @param timedOut whether the search ran out of its {@link SearchRequest#timeout()}: then {@code
 *     hits} and {@code total} hold only what was found by then (possibly nothing), and the total is
 *     not exact
 */
public record SearchResults(
        long total, boolean totalIsExact, List<Hit> hits, String nextCursor, Duration took, boolean timedOut) {
    public SearchResults {
        if (total < 0) {
            throw new IllegalArgumentException("total must be 0 or more, not " + total);
        }
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(took, "took");
        if (timedOut && totalIsExact) {
            throw new IllegalArgumentException("a timed-out search cannot have an exact total");
        }
    }

    /** No hits. */
    public static SearchResults empty(Duration took) {
        return new SearchResults(0, true, List.of(), null, took, false);
    }

    /** The cursor for the next page, if there may be one. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
