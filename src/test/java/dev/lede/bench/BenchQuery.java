package dev.lede.bench;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One benchmark query: its kind and its words, written out in each system's own syntax. The words
 * are lowercase ASCII letters only, so no system's syntax needs escaping.
 */
record BenchQuery(Kind kind, List<String> words) {
    /** What a query asks for. */
    enum Kind {
        TERM_HIGH,
        TERM_MID,
        TERM_LOW,
        OR,
        AND,
        PHRASE
    }

    BenchQuery {
        Objects.requireNonNull(kind, "kind");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a query needs words");
        }
    }

    /** Lede's lenient syntax: words are ORed, {@code +word} is required, quotes make a phrase. */
    String lede() {
        return switch (kind) {
            case AND -> words.stream().map(w -> "+" + w).collect(Collectors.joining(" "));
            case PHRASE -> '"' + String.join(" ", words) + '"';
            default -> String.join(" ", words);
        };
    }

    /** An FTS5 MATCH expression over every indexed column. */
    String fts5() {
        return switch (kind) {
            case AND -> words.stream().map(w -> '"' + w + '"').collect(Collectors.joining(" AND "));
            case PHRASE -> '"' + String.join(" ", words) + '"';
            default -> words.stream().map(w -> '"' + w + '"').collect(Collectors.joining(" OR "));
        };
    }

    @Override
    public String toString() {
        return kind + " " + lede();
    }
}
