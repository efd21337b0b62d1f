package dev.lede.internal.query;

import dev.lede.internal.query.QueryNode.Clause;
import dev.lede.internal.query.QueryNode.Group;
import dev.lede.internal.query.QueryNode.Occur;
import dev.lede.internal.query.QueryNode.Phrase;
import dev.lede.internal.query.QueryNode.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The search-box syntax. Reads, token by token: an optional {@code +} (required) or {@code -}
 * (excluded) at the start of a token, an optional known scope ({@code title:}), then a {@code
 * "phrase"} in straight or curly quotes or a word. Everything else is plain text: {@code AND},
 * parentheses, unknown {@code name:} prefixes, stray symbols. An unclosed quote is dropped and what
 * follows reads as words. It never throws.
 *
 * <p>This is a small hand-written scanner rather than a grammar: the syntax has no nesting, and
 * degrading gracefully on any input is easier to guarantee in straight-line code.
 */
public final class LenientParser {
    private final Function<String, Optional<String>> scopes;

    /** @param scopes maps a typed scope name ({@code title}) to its index field, if known */
    public LenientParser(Function<String, Optional<String>> scopes) {
        this.scopes = scopes;
    }

    public Group parse(String text) {
        List<Clause> clauses = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            Occur occur = Occur.SHOULD;
            char c = text.charAt(i);
            if ((c == '+' || c == '-') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                occur = c == '+' ? Occur.MUST : Occur.MUST_NOT;
                i++;
            }
            String field = null;
            int colon = scopeEnd(text, i);
            if (colon > i) {
                Optional<String> scope = scopes.apply(text.substring(i, colon));
                if (scope.isPresent() && colon + 1 < n && !Character.isWhitespace(text.charAt(colon + 1))) {
                    field = scope.get();
                    i = colon + 1;
                }
            }
            if (isQuote(text.charAt(i))) {
                int close = closingQuote(text, i + 1);
                if (close > 0) {
                    String phrase = text.substring(i + 1, close).strip();
                    if (!phrase.isEmpty()) {
                        clauses.add(new Clause(occur, new Phrase(field, phrase)));
                    }
                    i = close + 1;
                    continue;
                }
                i++; // an unclosed quote: drop it and read on as words
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            addWords(clauses, occur, field, text.substring(i, end));
            i = end;
        }
        return new Group(clauses);
    }

    /** Words of the words syntax: every white-space separated token is an optional word. */
    public static Group parseWords(String text) {
        List<Clause> clauses = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            addWords(clauses, Occur.SHOULD, null, token);
        }
        return new Group(clauses);
    }

    // A ':' inside a word (an unknown scope, "10:30") separates words rather than gluing them.
    private static void addWords(List<Clause> clauses, Occur occur, String field, String token) {
        for (String part : token.split(":")) {
            String word = stripQuotes(part);
            if (!word.isBlank()) {
                clauses.add(new Clause(occur, new Word(field, word)));
            }
        }
    }

    private static int scopeEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':' ? i : -1;
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isQuote(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u00AB' || c == '\u00BB';
    }

    private static String stripQuotes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isQuote(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
