package dev.lede.internal.query;

import dev.lede.query.Snippet;
import dev.lede.query.Snippet.Mark;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into {@link Snippet}s: plain text with white space folded, the
 * matched ranges (overlapping matches merged, a phrase one range), and HTML escaped before the
 * tags go in. Passages arrive in document order. Thread-safe.
 */
final class SnippetFormatter extends PassageFormatter {
    private final String preTag;
    private final String postTag;

    SnippetFormatter(String preTag, String postTag) {
        this.preTag = preTag;
        this.postTag = postTag;
    }

    /** Returns a {@code List<Snippet>}. */
    @Override
    public Object format(Passage[] passages, String content) {
        List<Snippet> snippets = new ArrayList<>(passages.length);
        for (Passage p : passages) {
            int[] starts = p.getMatchStarts();
            int[] ends = p.getMatchEnds();
            List<int[]> matches = new ArrayList<>();
            for (int i = 0; i < p.getNumMatches(); i++) {
                matches.add(new int[] {starts[i], Math.min(ends[i], p.getEndOffset())});
            }
            int start = p.getStartOffset();
            int end = p.getEndOffset();
            // The word break iterator may leave the previous sentence's punctuation at the start.
            while (start < end && isEdgeJunk(content.charAt(start)) && !matchStartsAt(matches, start)) {
                start++;
            }
            while (end > start && isSpace(content.charAt(end - 1))) {
                end--;
            }
            snippets.add(snippet(content, start, end, matches));
        }
        return snippets;
    }

    /** White space, no-break spaces included: both fold to one plain space in a snippet. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isEdgeJunk(char c) {
        return isSpace(c) || ".,;:!?)]}\u2019\u201D".indexOf(c) >= 0;
    }

    private static boolean matchStartsAt(List<int[]> matches, int offset) {
        for (int[] m : matches) {
            if (m[0] <= offset && offset < m[1]) {
                return true;
            }
        }
        return false;
    }

    /** A snippet of {@code content[start, end)} with the given content ranges marked. */
    Snippet snippet(String content, int start, int end, List<int[]> matches) {
        // Fold white space while keeping a map from content offsets to snippet offsets.
        StringBuilder text = new StringBuilder(end - start);
        int[] at = new int[end - start + 1];
        boolean pendingSpace = false;
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            if (isSpace(c)) {
                pendingSpace = text.length() > 0;
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                at[i - start] = text.length();
                text.append(c);
                continue;
            }
            at[i - start] = text.length();
        }
        at[end - start] = text.length();
        List<Mark> marks = merge(matches, start, end, at);
        return new Snippet(text.toString(), marks, html(text, marks));
    }

    private static List<Mark> merge(List<int[]> matches, int start, int end, int[] at) {
        List<int[]> sorted = new ArrayList<>(matches);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Mark> marks = new ArrayList<>();
        int curStart = -1;
        int curEnd = -1;
        for (int[] m : sorted) {
            int s = at[Math.max(0, Math.min(m[0], end) - start)];
            int e = at[Math.max(0, Math.min(m[1], end) - start)];
            if (e <= s) {
                continue;
            }
            if (curEnd >= s && curStart >= 0) {
                curEnd = Math.max(curEnd, e);
            } else {
                if (curStart >= 0) {
                    marks.add(new Mark(curStart, curEnd));
                }
                curStart = s;
                curEnd = e;
            }
        }
        if (curStart >= 0) {
            marks.add(new Mark(curStart, curEnd));
        }
        return marks;
    }

    private String html(CharSequence text, List<Mark> marks) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * (preTag.length() + postTag.length()) + 16);
        int pos = 0;
        for (Mark m : marks) {
            escape(text, pos, m.start(), out);
            out.append(preTag);
            escape(text, m.start(), m.end(), out);
            out.append(postTag);
            pos = m.end();
        }
        escape(text, pos, text.length(), out);
        return out.toString();
    }

    /** Appends {@code text[from, to)} with {@code & < > " '} escaped. */
    static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
    }

    /** An unmarked snippet of the whole text. */
    Snippet plain(String text) {
        return snippet(text, 0, text.length(), List.of());
    }
}
