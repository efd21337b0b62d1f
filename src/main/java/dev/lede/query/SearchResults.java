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
 * @param took time spent searching and highlighting, facets and suggestion included
 * @param timedOut whether the search ran out of its {@link SearchRequest#timeout()}: then {@code
 *     hits}, {@code total} and {@code facets} hold only what was counted by then (possibly
 *     nothing), the total is not exact, and there is no cursor
 * @param facets the counts the request asked for ({@link SearchRequest#facets(FacetRequest)}), in
 *     its order; empty when it asked for none
 * @param suggestion the query with its misspelt words respelt ("Did you mean"),
 *     or {@code null}: offered when a typed word is in no article and the respelling finds at
 *     least as many articles (and at least one), or when the query finds fewer than {@value
 *     #SUGGEST_BELOW} articles and the respelling at least twice as many
 */
public record SearchResults(
        long total,
        boolean totalIsExact,
        List<Hit> hits,
        String nextCursor,
        Duration took,
        boolean timedOut,
        List<Facet> facets,
        String suggestion) {
    /** A query finding fewer articles than this may get a {@link #suggestion()}. */
    public static final int SUGGEST_BELOW = 5;

    public SearchResults {
        if (total < 0) {
            throw new IllegalArgumentException("total must be 0 or more, not " + total);
        }
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(took, "took");
        if (timedOut && totalIsExact) {
            throw new IllegalArgumentException("a timed-out search cannot have an exact total");
        }
        facets = List.copyOf(Objects.requireNonNull(facets, "facets"));
        if (suggestion != null && suggestion.isBlank()) {
            throw new IllegalArgumentException("suggestion must be null or text, not blank");
        }
    }

    /** Results without facets or suggestion. */
    public SearchResults(
            long total, boolean totalIsExact, List<Hit> hits, String nextCursor, Duration took, boolean timedOut) {
        this(total, totalIsExact, hits, nextCursor, took, timedOut, List.of(), null);
    }

    /** The counts of {@code dimension}, if the request asked for them. */
    public Optional<Facet> facet(FacetDimension dimension) {
        return facets.stream().filter(f -> f.dimension() == dimension).findFirst();
    }

    /** The "did you mean" query, if there is one. */
    public Optional<String> didYouMean() {
        return Optional.ofNullable(suggestion);
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
