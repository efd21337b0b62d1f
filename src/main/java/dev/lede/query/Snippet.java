package dev.lede.query;

import java.util.List;
import java.util.Objects;

/**
 * A highlighted passage, both as plain text with the matched ranges and as escaped HTML.
 *
 * @param text the passage as plain text (white space runs folded to one space)
 * @param marks matched ranges in {@code text}, as Java string offsets, in order, not overlapping
 * @param html {@code text} HTML-escaped, with the highlight tags around each mark
 */
public record Snippet(String text, List<Mark> marks, String html) {

    /** A matched range {@code [start, end)} of a snippet's text. */
    public record Mark(int start, int end) {
        public Mark {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad mark [" + start + ", " + end + ")");
            }
        }
    }

    public Snippet {
        Objects.requireNonNull(text, "text");
        marks = List.copyOf(Objects.requireNonNull(marks, "marks"));
        Objects.requireNonNull(html, "html");
        for (Mark m : marks) {
            if (m.end() > text.length()) {
                throw new IllegalArgumentException("mark " + m + " is outside the text");
            }
        }
    }

    /** The passages's marked substrings, in order. */
    public List<String> marked() {
        return marks.stream().map(m -> text.substring(m.start(), m.end())).toList();
    }
}
