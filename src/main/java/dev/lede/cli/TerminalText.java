package dev.lede.cli;

import dev.lede.query.Snippet;

/**
 * Article text made safe and readable for a terminal: control, escape and bidirectional-override
 * characters from article text never reach it, and marked words are bold on a terminal or
 * between {@code [} and {@code ]} elsewhere.
 */
final class TerminalText {
    private static final String BOLD = "\u001B[1m";
    private static final String NORMAL = "\u001B[22m";

    private final boolean styled;

    TerminalText(boolean styled) {
        this.styled = styled;
    }

    String render(Snippet snippet) {
        StringBuilder out = new StringBuilder(snippet.text().length() + 16);
        int pos = 0;
        for (Snippet.Mark m : snippet.marks()) {
            out.append(clean(snippet.text().substring(pos, m.start())));
            out.append(styled ? BOLD : "[");
            out.append(clean(snippet.text().substring(m.start(), m.end())));
            out.append(styled ? NORMAL : "]");
            pos = m.end();
        }
        out.append(clean(snippet.text().substring(pos)));
        return out.toString();
    }

    /** Text with each white-space character as a space and unsafe characters dropped. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(' ');
            } else if (!unsafe(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C';
    }
}
