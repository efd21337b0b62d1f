package dev.lede.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What to search for and how: query text and its syntax, filters, sort order, which page (or a
 * cursor), whether the total must be exact, and how to highlight. Immutable; each method returns
 * a changed copy and checks its value at once, naming it when it is wrong.
 *
 * <p>Paging: {@code page} is 1-based and {@code page × size} may reach 10,000 results; past that,
 * or to page through results that keep changing, pass the {@link SearchResults#nextCursor()} of
 * one page as {@link #after(String)} of the next. A cursor holds the last hit's sort values and
 * id, so it stays valid across refreshes: with {@link SortOrder#NEWEST} or {@link
 * SortOrder#OLDEST} no hit is skipped or repeated as articles are added; with relevance, scores
 * may shift a little as the index grows.
 *
 * @param query the query text
 * @param syntax how the text is read; {@link Syntax#LENIENT} by default
 * @param filters which articles may match; {@link Filters#none()} by default
 * @param sort result order; {@link SortOrder#RELEVANCE} by default
 * @param page 1-based page number; 1 by default
 * @param size hits per page, 1 to 10,000; 10 by default
 * @param after a cursor from a previous page's {@link SearchResults#nextCursor()}, or {@code null}
 * @param exactTotal whether to count every match (slower) rather than stop counting at 1,000
 * @param highlight snippet settings; {@link Highlight#defaults()} by default
 * @param recency freshness as a share of the relevance score, or {@code null} (the default) for
 *     none; ignored when sorting by date
 * @param timeout how long the search may run, term expansion (wildcards, fuzzy terms) included,
 *     before it stops and returns the hits found so far flagged {@link SearchResults#timedOut()};
 *     {@link #DEFAULT_TIMEOUT} (5 seconds) by default, {@link Duration#ZERO} for no limit.
 *     Highlighting the returned page is not counted: its cost is bounded by the page size and {@link
 *     Highlight#maxChars()}.
 * @param collapse whether near-duplicates fold into one hit; {@link Collapse#off()} by default in
 *     the API (a library returns what matches unless asked), while the command line collapses by
 *     default
 * @param facets which facet counts to return with the results; {@link FacetRequest#none()} by
 *     default
 */
public record SearchRequest(
        String query,
        Syntax syntax,
        Filters filters,
        SortOrder sort,
        int page,
        int size,
        String after,
        boolean exactTotal,
        Highlight highlight,
        Recency recency,
        Duration timeout,
        Collapse collapse,
        FacetRequest facets) {
    public static final int DEFAULT_SIZE = 10;
    /** How long a search may take by default before it stops and returns what it found. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The deepest result reachable by {@code page} and {@code size}, as in Elasticsearch. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(highlight, "highlight");
        if (size < 1 || size > MAX_WINDOW) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_WINDOW + ", not " + size);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, not " + page);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " goes past result " + MAX_WINDOW
                    + "; page deeper with the cursor (after)");
        }
        if (after != null && page != 1) {
            throw new IllegalArgumentException("a cursor (after) replaces the page number: use page 1, not " + page);
        }
        if (after != null && after.isBlank()) {
            throw new IllegalArgumentException("after must be a cursor from a previous page, not blank");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, not " + timeout);
        }
        Objects.requireNonNull(collapse, "collapse");
        Objects.requireNonNull(facets, "facets");
    }

    /** Returns facet counts with the results (see {@link FacetRequest} for how they are counted). */
    public SearchRequest facets(FacetRequest facets) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** Returns counts of the top {@value FacetRequest#DEFAULT_SIZE} values of these dimensions. */
    public SearchRequest facets(FacetDimension... dimensions) {
        return facets(FacetRequest.of(dimensions));
    }

    /** The lenient search for {@code query}: relevance order, first 10 hits, default highlighting. */
    public static SearchRequest of(String query) {
        return new SearchRequest(
                query,
                Syntax.LENIENT,
                Filters.none(),
                SortOrder.RELEVANCE,
                1,
                DEFAULT_SIZE,
                null,
                false,
                Highlight.defaults(),
                null,
                DEFAULT_TIMEOUT,
                Collapse.off(),
                FacetRequest.none());
    }

    public SearchRequest syntax(Syntax syntax) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    public SearchRequest filters(Filters filters) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    public SearchRequest sort(SortOrder sort) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** Hits per page. */
    public SearchRequest size(int size) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** The 1-based page. */
    public SearchRequest page(int page) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** The 1-based page of {@code size} hits. */
    public SearchRequest page(int page, int size) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** The page after the one whose {@link SearchResults#nextCursor()} this is. */
    public SearchRequest after(String cursor) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                cursor,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    public SearchRequest exactTotal(boolean exact) {
        return new SearchRequest(
                query, syntax, filters, sort, page, size, after, exact, highlight, recency, timeout, collapse, facets);
    }

    public SearchRequest highlight(Highlight highlight) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** Mixes freshness into relevance; {@code null} turns it off. */
    public SearchRequest recency(Recency recency) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** How long the search may run before it returns what it found; {@link Duration#ZERO}: no limit. */
    public SearchRequest timeout(Duration timeout) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /**
     * Folds near-duplicates (copies of one story, see {@link Collapse}) into one hit: the best-ranked
     * copy, with the others in {@link Hit#duplicates()}. Off by default in the API.
     *
     * <p>Paging stays consistent: hits are grouped in rank order from the first result, so a copy
     * folded into a hit on one page never shows as a hit of its own on another. For that, a page
     * ranks at least twice as many articles as it reaches ({@code 2 × page × size}), more while
     * copies push hits out, up to {@link #MAX_WINDOW}: a hit lists the copies within that window
     * (copies ranked below it are folded too when a later page reaches them), and a next page may
     * come back empty when all that is left are copies. {@link SearchResults#total()} still counts
     * articles, not stories. With a cursor ({@link #after(String)}), an article is also left out
     * when a copy of it ranks at or before the cursor.
     */
    public SearchRequest collapse(boolean on) {
        return collapse(on ? Collapse.on() : Collapse.off());
    }

    /** Folds near-duplicates as {@code collapse} says (for a threshold other than the default). */
    public SearchRequest collapse(Collapse collapse) {
        return new SearchRequest(
                query,
                syntax,
                filters,
                sort,
                page,
                size,
                after,
                exactTotal,
                highlight,
                recency,
                timeout,
                collapse,
                facets);
    }

    /** Only articles published at or after {@code instant}. */
    public SearchRequest since(Instant instant) {
        return filters(filters.since(instant));
    }

    /** Only articles published on or after {@code date} (from its start, UTC). */
    public SearchRequest since(LocalDate date) {
        return since(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Only articles published at or before {@code instant}. */
    public SearchRequest until(Instant instant) {
        return filters(filters.until(instant));
    }

    /** Only articles published on or before {@code date} (to its end, UTC). */
    public SearchRequest until(LocalDate date) {
        return until(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
    }

    /** Only articles published from {@code from} to {@code to}, both days included. */
    public SearchRequest publishedBetween(LocalDate from, LocalDate to) {
        return since(from).until(to);
    }

    /** Only articles from one of these sources. */
    public SearchRequest source(String... sources) {
        return filters(filters.sources(List.of(sources)));
    }

    /** Only articles by one of these authors. */
    public SearchRequest author(String... authors) {
        return filters(filters.authors(List.of(authors)));
    }

    /** Only articles on one of these topics. */
    public SearchRequest topic(String... topics) {
        return filters(filters.topics(List.of(topics)));
    }

    /** Only articles whose extra value {@code name} is one of {@code values}. */
    public SearchRequest extra(String name, String... values) {
        return filters(filters.extra(name, List.of(values)));
    }
}
