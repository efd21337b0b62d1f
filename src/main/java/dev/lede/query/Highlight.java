package dev.lede.query;

import java.util.Objects;

/**
 * How snippets are made: how many passages of about how many characters, the tags around matched
 * words, and how much of a long article is read for highlighting.
 *
 * <p>Defaults: up to 3 passages of about 160 characters, {@code <mark>} tags, and the first
 * 100,000 characters of each field (longer articles are highlighted on that prefix, not failed).
 * Text is always HTML-escaped before the tags are added; the tags themselves are inserted as
 * given.
 *
 * @param passages most passages per hit, 0 for none
 * @param chars target passage length in characters
 * @param preTag inserted before a match
 * @param postTag inserted after a match
 * @param maxChars characters of each field read for highlighting
 * @param title whether the title is highlighted too; with no passages and no title highlighting
 *     ({@link #none()}) a search does no highlighting work at all
 */
public record Highlight(int passages, int chars, String preTag, String postTag, int maxChars, boolean title) {
    public static final int DEFAULT_PASSAGES = 3;
    public static final int DEFAULT_CHARS = 160;
    public static final int DEFAULT_MAX_CHARS = 100_000;

    public Highlight {
        if (passages < 0 || passages > 50) {
            throw new IllegalArgumentException("passages must be 0 to 50, not " + passages);
        }
        if (chars < 20 || chars > 10_000) {
            throw new IllegalArgumentException("passage chars must be 20 to 10000, not " + chars);
        }
        Objects.requireNonNull(preTag, "preTag");
        Objects.requireNonNull(postTag, "postTag");
        if (maxChars < 1_000) {
            throw new IllegalArgumentException("maxChars must be at least 1000, not " + maxChars);
        }
    }

    /** 3 passages of about 160 characters, {@code <mark>} tags. */
    public static Highlight defaults() {
        return new Highlight(DEFAULT_PASSAGES, DEFAULT_CHARS, "<mark>", "</mark>", DEFAULT_MAX_CHARS, true);
    }

    /**
     * No highlighting: no passages, and titles as plain text. For callers that only need the
     * ranking (evaluation, exports), where highlighting would be most of the cost.
     */
    public static Highlight none() {
        return defaults().withPassages(0).title(false);
    }

    /** A copy that highlights the title, or leaves it plain. */
    public Highlight title(boolean highlighted) {
        return new Highlight(passages, chars, preTag, postTag, maxChars, highlighted);
    }

    /** The defaults with up to {@code n} passages. */
    public static Highlight passages(int n) {
        return defaults().withPassages(n);
    }

    public Highlight withPassages(int n) {
        return new Highlight(n, chars, preTag, postTag, maxChars, title);
    }

    /** A copy aiming at passages of about {@code n} characters. */
    public Highlight chars(int n) {
        return new Highlight(passages, n, preTag, postTag, maxChars, title);
    }

    /** A copy with other tags, such as {@code <b>} and {@code </b>}. */
    public Highlight tags(String pre, String post) {
        return new Highlight(passages, chars, pre, post, maxChars, title);
    }

    /** A copy that reads up to {@code n} characters of each field. */
    public Highlight maxChars(int n) {
        return new Highlight(passages, chars, preTag, postTag, n, title);
    }
}
