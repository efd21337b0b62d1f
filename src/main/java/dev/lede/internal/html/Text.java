package dev.lede.internal.html;

import java.util.regex.Pattern;

/** White-space rules shared by the extractor's parts. */
final class Text {
    // Java's \s misses the no-break and other Unicode spaces pages are full of.
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

    private Text() {}

    /** {@code s} with every run of white space as one space, stripped; {@code ""} for null. */
    static String collapse(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
