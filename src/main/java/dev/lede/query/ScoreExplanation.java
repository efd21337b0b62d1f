package dev.lede.query;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why an article scored what it did for a search: a tree of values, each with what it is (a BM25
 * part of one term in one field, a field weight, the recency factor, a sum or product of its
 * parts).
 *
 * @param match whether the article matches the search at all
 * @param value this node's value
 * @param description what the value is
 * @param details the values it is made of
 */
public record ScoreExplanation(boolean match, float value, String description, List<ScoreExplanation> details) {
    public ScoreExplanation {
        Objects.requireNonNull(description, "description");
        details = List.copyOf(Objects.requireNonNull(details, "details"));
    }

    /** The tree, one node per line, indented by depth. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        append(out, 0);
        return out.toString();
    }

    private void append(StringBuilder out, int depth) {
        out.append("  ".repeat(depth))
                .append(String.format(Locale.ROOT, "%.4f", value))
                .append(" ")
                .append(description)
                .append('\n');
        details.forEach(d -> d.append(out, depth + 1));
    }
}
