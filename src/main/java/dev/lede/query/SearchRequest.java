package dev.lede.query;

import java.util.Objects;

/**
 * What to search for and how: query text, its syntax, how many hits, and how to highlight them.
 * Immutable; each {@code with} method returns a changed copy and checks its value at once.
 *
 * @param query the query text
 * @param syntax how the text is read; {@link Syntax#LENIENT} by default
 * @param limit most hits returned, 1 to 10,000; 10 by default
 * @param highlight snippet settings; {@link Highlight#defaults()} by default
 */
public record SearchRequest(String query, Syntax syntax, int limit, Highlight highlight) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(highlight, "highlight");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** The lenient search for {@code query}, top 10, default highlighting. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Syntax.LENIENT, DEFAULT_LIMIT, Highlight.defaults());
    }

    public SearchRequest syntax(Syntax syntax) {
        return new SearchRequest(query, syntax, limit, highlight);
    }

    public SearchRequest limit(int limit) {
        return new SearchRequest(query, syntax, limit, highlight);
    }

    public SearchRequest highlight(Highlight highlight) {
        return new SearchRequest(query, syntax, limit, highlight);
    }
}
