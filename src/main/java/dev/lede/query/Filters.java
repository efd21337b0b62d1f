package dev.lede.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which articles a search may return, whatever their score: a publication range and whole-value
 * matches on source, author, topic and extra values. Several values of one field match any of
 * them; different fields must all match. Filters never change scores. Values match ignoring case
 * and accents, like the {@code source:} scope. Undated articles never match a publication range.
 *
 * @param since earliest publication instant, inclusive, or {@code null}
 * @param until latest publication instant, inclusive, or {@code null}
 * @param sources accepted sources; empty for any
 * @param authors accepted authors; empty for any
 * @param topics accepted topics; empty for any
 * @param extra accepted values per extra field name; empty for any
 */
public record Filters(
        Instant since,
        Instant until,
        List<String> sources,
        List<String> authors,
        List<String> topics,
        Map<String, List<String>> extra) {

    public Filters {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") is after until (" + until + ")");
        }
        sources = values(sources, "sources");
        authors = values(authors, "authors");
        topics = values(topics, "topics");
        Objects.requireNonNull(extra, "extra");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        extra.forEach((name, vals) -> {
            Objects.requireNonNull(name, "extra name");
            if (!name.matches("[a-z][a-z0-9_-]{0,63}")) {
                throw new IllegalArgumentException(
                        "extra field name '" + name + "' must be 1 to 64 of a-z, 0-9, _ and -, starting with a letter");
            }
            copy.put(name, values(vals, name));
        });
        extra = Collections.unmodifiableMap(copy);
    }

    /** No filter: every article. */
    public static Filters none() {
        return new Filters(null, null, List.of(), List.of(), List.of(), Map.of());
    }

    /** Whether nothing is filtered. */
    public boolean isEmpty() {
        return since == null
                && until == null
                && sources.isEmpty()
                && authors.isEmpty()
                && topics.isEmpty()
                && extra.isEmpty();
    }

    public Filters since(Instant instant) {
        return new Filters(instant, until, sources, authors, topics, extra);
    }

    public Filters until(Instant instant) {
        return new Filters(since, instant, sources, authors, topics, extra);
    }

    public Filters sources(List<String> values) {
        return new Filters(since, until, values, authors, topics, extra);
    }

    public Filters authors(List<String> values) {
        return new Filters(since, until, sources, values, topics, extra);
    }

    public Filters topics(List<String> values) {
        return new Filters(since, until, sources, authors, values, extra);
    }

    public Filters extra(String name, List<String> values) {
        Map<String, List<String>> copy = new TreeMap<>(extra);
        copy.put(name, values);
        return new Filters(since, until, sources, authors, topics, copy);
    }

    private static List<String> values(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " filter has a blank value");
            }
            out.add(v.strip());
        }
        return List.copyOf(out);
    }
}
