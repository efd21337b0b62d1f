package dev.lede.query;

import java.util.Objects;

/**
 * Query text that the strict ({@link Syntax#LUCENE}) syntax cannot read. Thrown only by that
 * syntax; the lenient and words syntaxes never throw.
 */
public final class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String query;
    private final int position;
    private final String problem;

    /**
     * @param query the text as given
     * @param position 0-based character offset of the first offending character, or the text's
     *     length when it ends too early
     * @param problem what is wrong there, in a few words
     */
    public QuerySyntaxException(String query, int position, String problem) {
        super("query syntax error at position " + position + ": " + problem);
        this.query = Objects.requireNonNull(query, "query");
        this.problem = Objects.requireNonNull(problem, "problem");
        if (position < 0 || position > query.length()) {
            throw new IllegalArgumentException("position " + position + " is outside the query");
        }
        this.position = position;
    }

    /** The query text as given. */
    public String query() {
        return query;
    }

    /** 0-based character offset of the first offending character, or the length at end of input. */
    public int position() {
        return position;
    }

    /** What is wrong at {@link #position()}. */
    public String problem() {
        return problem;
    }
}
