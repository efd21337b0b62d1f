package dev.lede.query;

/** How query text is read. */
public enum Syntax {
    /**
     * What a search box needs, and the default: scored words, {@code +required} words, {@code
     * "phrases"} in straight or curly quotes, {@code -exclusions}, and {@code title:}, {@code
     * body:}, {@code source:}, {@code author:}, {@code topic:} scopes. Anything malformed degrades to
     * words; it never throws.
     */
    LENIENT,
    /** Every word is a scored word and nothing is syntax: for long natural-language queries. */
    WORDS,
    /**
     * Lucene's classic query syntax ({@code AND}, {@code OR}, {@code NOT}, groups, wildcards,
     * fuzzy, ranges, boosts) over the same fields. Malformed text throws {@link
     * QuerySyntaxException} with the position.
     */
    LUCENE
}
