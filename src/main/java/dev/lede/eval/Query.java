package dev.lede.eval;

import java.util.Objects;

/**
 * One judged query: its id, as the judgments name it, and its text, as it is searched.
 *
 * @param id the query id; not blank, no tab or line break
 * @param text the query text
 */
public record Query(String id, String text) {
    public Query {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank() || id.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException(
                    "query id must be non-blank, without tabs or line breaks, not '" + id + "'");
        }
    }
}
