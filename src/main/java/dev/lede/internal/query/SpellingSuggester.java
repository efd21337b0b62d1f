package dev.lede.internal.query;

import dev.lede.internal.schema.Schema;
import dev.lede.query.Collapse;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": respells the misspelt words of a query with the closest, more frequent words of
 * the index's own unstemmed vocabulary ({@link Schema#WORDS}, through Lucene's {@link
 * DirectSpellChecker}), and offers the respelt query when it does clearly better.
 *
 * <p>Only words are rewritten, in place, so quotes, {@code +}/{@code -} marks, scopes and operators
 * stay as typed. Left alone: excluded words ({@code -word}), scope names and whole-value scopes
 * ({@code source:...}), strict-syntax operators and words with wildcard, fuzzy, boost or regex
 * marks, and words with digits. A word in no article is replaced by its closest word (fewest
 * edits, then the most frequent); when the query finds fewer than {@link
 * SearchResults#SUGGEST_BELOW} articles, so is a word found in at most {@value #RARE}, by a more
 * frequent one one edit away (a word that is in the index is far more often a rare word than a
 * typo two edits from a common one, and looking two edits away made a search for a rare word four
 * times slower: docs/bench).
 *
 * <p>Offered when a typed word is in no article and the respelt query finds at least as many
 * articles (and at least one): an OR of words finds many despite a typo, and the respelling finds
 * those and the articles with the right word. Otherwise, when the query finds fewer than {@link
 * SearchResults#SUGGEST_BELOW} articles and the respelt one at least twice as many. Costs a term
 * look-up per word (in the largest segments only, for a common word), and a spell-check per changed word and one count only when a word is missing or
 * the query finds few. Thread-safe.
 */
final class SpellingSuggester {
    /** A word found in more articles than this is taken as spelt right. */
    static final int RARE = 2;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");
    private static final Pattern VALUE_SCOPE = Pattern.compile("(?i)[-+]?(source|author|topic):.*");
    private static final List<String> OPERATORS = List.of("AND", "OR", "NOT", "TO");

    private final Schema schema;
    private final Function<SearchRequest, LuceneCompiler.Compiled> compile;

    SpellingSuggester(Schema schema, Function<SearchRequest, LuceneCompiler.Compiled> compile) {
        this.schema = schema;
        this.compile = compile;
    }

    /** The respelt query text, or {@code null} when none finds clearly more than {@code total}. */
    String suggest(IndexSearcher searcher, SearchRequest request, long total) throws IOException {
        String text = request.query();
        if (text.isBlank()) {
            return null;
        }
        boolean few = total < SearchResults.SUGGEST_BELOW;
        Respelling respelt = respell(searcher.getIndexReader(), text, request.syntax(), few);
        if (respelt == null) {
            return null;
        }
        try {
            LuceneCompiler.Compiled compiled = compile.apply(copy(request, respelt.text()));
            if (compiled == null) {
                return null;
            }
            long found = searcher.count(compiled.query());
            return found >= Math.max(1, respelt.replacedMissing() ? total : 2 * total) ? respelt.text() : null;
        } catch (QuerySyntaxException | IndexSearcher.TooManyClauses e) {
            return null; // a respelling that the strict syntax will not take is no suggestion
        }
    }

    /**
     * The text with its misspelt words replaced, or {@code null} when no word changed: words missing
     * from the index, and also rare ones when {@code fewHits}.
     */
    /** A respelt query, and whether a word in no article was replaced. */
    record Respelling(String text, boolean replacedMissing) {}

    Respelling respell(IndexReader reader, String text, Syntax syntax, boolean fewHits) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        int rare = fewHits ? RARE : 0;
        List<LeafReaderContext> largestFirst = new ArrayList<>(reader.leaves());
        largestFirst.sort(
                Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc())
                        .reversed());
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        boolean missing = false;
        int last = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            String term = skip(text, m.start(), m.end(), syntax) ? null : term(word);
            if (term == null) {
                continue;
            }
            Term t = new Term(Schema.WORDS, term);
            int df = docFreqUpTo(largestFirst, t, rare + 1);
            String better = better(checker, reader, t, df, rare);
            if (better != null) {
                missing |= df == 0;
                out.append(text, last, m.start()).append(sameCase(word, better));
                last = m.end();
                changed = true;
            }
        }
        return changed ? new Respelling(out.append(text, last, text.length()).toString(), missing) : null;
    }

    /**
     * How many articles hold {@code t}, counted up to {@code cap}: a word found often is found in
     * the largest segment, so it costs one look-up instead of one in every segment (at a million
     * articles in 16 segments these look-ups were most of what "did you mean" cost a search that
     * needed no respelling: docs/bench).
     */
    static int docFreqUpTo(List<LeafReaderContext> leaves, Term t, int cap) throws IOException {
        int df = 0;
        for (LeafReaderContext leaf : leaves) {
            df += leaf.reader().docFreq(t);
            if (df >= cap) {
                return cap;
            }
        }
        return df;
    }

    private String better(DirectSpellChecker checker, IndexReader reader, Term t, int df, int rare) throws IOException {
        String term = t.text();
        if (df > rare) {
            return null;
        }
        SuggestMode mode = df == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR;
        // Of a few candidates, the fewest edits away, then the most frequent: the checker's own score
        // divides by the shorter word, so it would take "golds" (4 articles) over "gold" (399) for "goldd".
        // One edit away first: most typos are, and the automaton for two edits costs some 15 times
        // more to build (about 0.75 ms a word here); a word closer than two edits wins anyway.
        SuggestWord best = null;
        for (int maxEdits = 1; maxEdits <= (df == 0 ? 2 : 1) && best == null; maxEdits++) {
            int bestEdits = Integer.MAX_VALUE;
            checker.setMaxEdits(maxEdits);
            for (SuggestWord w : checker.suggestSimilar(t, 5, reader, mode)) {
                int edits = edits(term, w.string);
                if (edits < bestEdits || (edits == bestEdits && w.freq > best.freq)) {
                    best = w;
                    bestEdits = edits;
                }
            }
        }
        return best == null || best.string.equals(term) ? null : best.string;
    }

    /** Insertions, deletions, substitutions and swaps of neighbours that turn {@code a} into {@code b}. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The word as the words field indexes it, or {@code null} unless it is exactly one term. */
    private String term(String word) throws IOException {
        List<String> terms = new ArrayList<>(1);
        try (TokenStream ts = schema.analyzer().tokenStream(Schema.WORDS, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms.size() == 1 ? terms.get(0) : null;
    }

    private static boolean skip(String text, int start, int end, Syntax syntax) {
        String word = text.substring(start, end);
        if (word.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        int chunk = start;
        while (chunk > 0 && !Character.isWhitespace(text.charAt(chunk - 1))) {
            chunk--;
        }
        String before = text.substring(chunk, start);
        char next = end < text.length() ? text.charAt(end) : ' ';
        if (before.startsWith("-") || next == ':' || VALUE_SCOPE.matcher(before).matches()) {
            return true;
        }
        if (syntax == Syntax.LUCENE) {
            return OPERATORS.contains(word)
                    || "*?~^/".indexOf(next) >= 0
                    || before.contains("/")
                    || before.endsWith("*")
                    || before.endsWith("?");
        }
        return false;
    }

    /** {@code better} in the case pattern of {@code typed}: {@code Sanctuary}, {@code SANCTUARY}. */
    private static String sameCase(String typed, String better) {
        if (typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT))) {
            return better.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(typed.charAt(0))) {
            return Character.toUpperCase(better.charAt(0)) + better.substring(1);
        }
        return better;
    }

    private static SearchRequest copy(SearchRequest r, String text) {
        return new SearchRequest(
                text,
                r.syntax(),
                r.filters(),
                r.sort(),
                r.page(),
                r.size(),
                null,
                false,
                r.highlight(),
                r.recency(),
                r.timeout(),
                Collapse.off(),
                r.facets());
    }
}
