package dev.lede.query;

/** The order of search results. Ties are always broken by article id, ascending. */
public enum SortOrder {
    /** Best match first (BM25 score), the default. */
    RELEVANCE,
    /** Latest publication first; undated articles last. */
    NEWEST,
    /** Earliest publication first; undated articles last. */
    OLDEST
}
