package dev.lede.internal.ingest;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every format shares for raw article text: line-ending and BOM clean-up, the leading
 * syndication notice, and a title taken from the text when the source gives none.
 */
public final class TextRules {
    /** A first paragraph longer than this is article text, whatever it says. */
    static final int MAX_NOTICE_CHARS = 300;

    static final int MAX_TITLE_LINE_CHARS = 150;
    static final int MAX_SENTENCE_TITLE_CHARS = 100;

    // Phrases of syndication and boilerplate notices seen at the top of republished stories.
    static final Pattern NOTICE = Pattern.compile(
            "view (this|the|our) (full )?(story|article)"
                    + "|(originally|first) (appeared|published|ran|posted)"
                    + "|click(ing)? here"
                    + "|(republished|reprinted|reproduced|published|used) (here )?(with|by) (kind )?permission"
                    + "|this (story|article|post) (was )?(first |originally )?(appeared|published|produced)"
                    + "|we support our publishers"
                    + "|syndicated (from|by|content)"
                    + "|read the (full|original) (story|article)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LAST_WORD = Pattern.compile("(\\S+)\\.$");
    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)*\\p{L}");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt",
            "rev", "hon", "pres", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
            "oct", "nov", "dec", "mt", "ft", "ave", "blvd");

    private TextRules() {}

    /** Text with one kind of line ending ({@code \n}), no byte-order mark, no trailing spaces. */
    public static String normalize(String raw) {
        String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        return s.strip();
    }

    /** Text split into a leading notice (or {@code null}) and the rest. */
    public record Split(String notice, String text) {}

    /**
     * Takes a leading syndication or boilerplate notice off normalized text: a short first
     * paragraph with a phrase such as "view this story", "originally appeared", "click here" or
     * "republished with permission".
     */
    public static Split splitNotice(String text) {
        // Runs for every article ingested (and again for its fingerprint), so the common cases cost
        // no regular expression and no copy: no blank line, or a first paragraph too long to be a
        // notice (more than MAX_NOTICE_CHARS characters that the collapsing of spaces and strip()
        // below both keep).
        int breakStart = paragraphBreak(text);
        if (breakStart < 0) {
            return new Split(null, text); // a single paragraph is the article, never a notice
        }
        int kept = 0;
        for (int i = 0; i < breakStart && kept <= MAX_NOTICE_CHARS; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                kept++;
            }
        }
        if (kept > MAX_NOTICE_CHARS) {
            return new Split(null, text);
        }
        String candidate =
                SPACES.matcher(text.substring(0, breakStart)).replaceAll(" ").strip();
        if (candidate.length() <= MAX_NOTICE_CHARS && isNotice(candidate)) {
            String rest = text.substring(afterBreak(text, breakStart)).strip();
            if (!rest.isEmpty()) {
                return new Split(candidate, rest);
            }
        }
        return new Split(null, text);
    }

    /**
     * Whether {@link #NOTICE} is found in {@code paragraph}. Most first paragraphs are short leads
     * that hold none of the words every notice phrase has, so plain ASCII text is first checked for
     * those words, lowercased (the notice split took a fifth of its time on BBC articles, whose
     * short leads all went to the case-insensitive expression before), and the expression decides
     * only when they are there; other text (where Unicode case rules apply) goes straight to it.
     */
    static boolean isNotice(String paragraph) {
        for (int i = 0; i < paragraph.length(); i++) {
            if (paragraph.charAt(i) >= 0x80) {
                return NOTICE.matcher(paragraph).find();
            }
        }
        String p = paragraph.toLowerCase(Locale.ROOT);
        boolean published = p.contains("appeared") || p.contains("published");
        boolean mayBe = p.contains("view ") // view (this|the|our) ... story
                || p.contains("click") // click(ing) here
                || p.contains("permission") // ... with permission
                || p.contains("we support") // we support our publishers
                || p.contains("syndicated") // syndicated (from|by|content)
                || p.contains("read the") // read the (full|original) ...
                || ((p.contains("originally") || p.contains("first")) // (originally|first) appeared ...
                        && (published || p.contains("ran") || p.contains("posted")))
                || (p.contains("this ") && (published || p.contains("produced"))); // this story was ...
        return mayBe && NOTICE.matcher(paragraph).find();
    }

    /**
     * Where the first paragraph break starts, or -1: the first {@code \n} followed by a line that is
     * empty or holds only spaces, tabs, vertical tabs, form feeds and no-break spaces, then its own
     * {@code \n}.
     */
    static int paragraphBreak(String text) {
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
            int i = newline + 1;
            while (i < text.length() && isBlank(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\n') {
                return newline;
            }
        }
        return -1;
    }

    /** Where the text after the paragraph break that starts at {@code start} begins. */
    private static int afterBreak(String text, int start) {
        int end = start + 1;
        while (text.charAt(end) != '\n') {
            end++;
        }
        return end + 1;
    }

    /** The characters a blank line may hold. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0';
    }

    /** A title line and the body under it, or no title line (null) and the whole text as body. */
    public record Titled(String title, String body) {}

    /**
     * The first line is a title when it is at most 150 characters, does not end with a period and
     * is followed by a blank line.
     */
    public static Titled splitTitleLine(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return new Titled(null, text);
        }
        String line = text.substring(0, newline).strip();
        boolean blankAfter = paragraphBreak(text) == newline;
        if (blankAfter && !line.isEmpty() && line.length() <= MAX_TITLE_LINE_CHARS && !line.endsWith(".")) {
            return new Titled(line, text.substring(afterBreak(text, newline)).strip());
        }
        return new Titled(null, text);
    }

    /**
     * The first sentence of folded text. The JDK's sentence rules end a sentence at any period
     * followed by a capital, so a break right after a title ("Mr.") or initials ("U.S.") is passed
     * over.
     */
    static String firstSentence(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int end = sentences.next();
        while (end != BreakIterator.DONE
                && end < text.length()
                && endsInAbbreviation(text.substring(0, end).strip())) {
            end = sentences.next();
        }
        return text.substring(0, end == BreakIterator.DONE ? text.length() : end)
                .strip();
    }

    private static boolean endsInAbbreviation(String sentence) {
        Matcher m = LAST_WORD.matcher(sentence);
        if (!m.find()) {
            return false;
        }
        String word = m.group(1);
        return INITIALS.matcher(word).matches() || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * A title made from the body's first sentence: the sentence itself without its final period
     * when it fits in 100 characters, else cut on a word boundary with an ellipsis so that the
     * title, ellipsis included, is at most 100 characters.
     */
    public static String titleFromBody(String body) {
        String text = SPACES.matcher(body).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return "";
        }
        String sentence = firstSentence(text);
        if (sentence.length() <= MAX_SENTENCE_TITLE_CHARS) {
            return sentence.endsWith(".") && !sentence.endsWith("..")
                    ? sentence.substring(0, sentence.length() - 1)
                    : sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_SENTENCE_TITLE_CHARS - 1);
        String head = cut > 0 ? sentence.substring(0, cut) : sentence.substring(0, MAX_SENTENCE_TITLE_CHARS - 1);
        return head.replaceAll("[\\s,;:\u2014\u2013-]+$", "") + "\u2026";
    }
}
