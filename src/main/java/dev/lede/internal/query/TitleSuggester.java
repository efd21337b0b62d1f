package dev.lede.internal.query;

import dev.lede.article.Published;
import dev.lede.internal.schema.Schema;
import dev.lede.query.TitleSuggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Title autocomplete, inside the main index: every typed word must be a title word, the last one
 * (unless followed by a space) only its beginning, anywhere in the title. Each word is one term
 * lookup, in {@link Schema#TITLE_WORDS} or, for the prefix, in the edge n-grams of {@link
 * Schema#TITLE_PREFIX}: no term expansion, so a one-letter prefix costs what a word does.
 *
 * <p>Ranking: titles that start with the first typed word (or prefix) first, then newest first,
 * then by id; titles that repeat one already offered (syndicated copies) are skipped. Thread-safe.
 */
public final class TitleSuggester {
    /** Typed words beyond this many are ignored. */
    static final int MAX_WORDS = 16;
    /** Typed text beyond this many characters is ignored. */
    static final int MAX_CHARS = 256;

    private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.TITLE, Schema.PUBLISHED);

    private final Schema schema;
    private final SnippetFormatter formatter = new SnippetFormatter("<mark>", "</mark>");

    public TitleSuggester(Schema schema) {
        this.schema = schema;
    }

    /** What {@code text} was typed as: whole words, and the last one's beginning when not finished. */
    record Typed(List<String> words, String prefix) {}

    /** Up to {@code n} titles for {@code text}, best first. */
    public List<TitleSuggestion> suggest(IndexSearcher searcher, String text, int n) throws IOException {
        Typed typed = typed(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        if (typed.words().isEmpty() && typed.prefix() == null) {
            return List.of();
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, schema.publishedSort(true), schema.idSort());
        // Room for skipped copies of one title; past that, a syndicated story may fill the list.
        int wanted = n + Math.min(n * 3, 50);
        ScoreDoc[] top =
                searcher.search(query(typed), new TopFieldCollectorManager(sort, wanted, null, wanted)).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<TitleSuggestion> out = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < top.length && out.size() < n; i++) {
            Document doc = stored.document(top[i].doc, FIELDS);
            String title = doc.get(Schema.TITLE);
            if (seen.add(title.strip().toLowerCase(Locale.ROOT))) {
                String published = doc.get(Schema.PUBLISHED);
                out.add(new TitleSuggestion(
                        doc.get(Schema.ID),
                        formatter.snippet(title, 0, title.length(), marks(title, typed)),
                        published == null ? null : Published.parse(published)));
            }
        }
        return out;
    }

    private static BooleanQuery query(Typed typed) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : typed.words()) {
            q.add(new TermQuery(new Term(Schema.TITLE_WORDS, w)), BooleanClause.Occur.FILTER);
        }
        if (typed.prefix() != null) {
            q.add(new TermQuery(new Term(Schema.TITLE_PREFIX, cut(typed.prefix()))), BooleanClause.Occur.FILTER);
        }
        String first = typed.words().isEmpty() ? typed.prefix() : typed.words().get(0);
        q.add(
                new ConstantScoreQuery(new TermQuery(new Term(Schema.TITLE_LEAD, cut(first)))),
                BooleanClause.Occur.SHOULD);
        return q.build();
    }

    private static String cut(String prefix) {
        return prefix.length() > Schema.MAX_TITLE_PREFIX ? prefix.substring(0, Schema.MAX_TITLE_PREFIX) : prefix;
    }

    /** The typed text as title words: the last is a prefix unless the text ends after it. */
    Typed typed(String text) throws IOException {
        List<String> words = new ArrayList<>();
        int lastEnd = 0;
        try (TokenStream ts = schema.analyzer().tokenStream(Schema.TITLE_WORDS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
                lastEnd = offset.endOffset();
            }
            ts.end();
        }
        boolean finished = lastEnd < text.length() && !Character.isLetterOrDigit(text.charAt(lastEnd));
        if (words.isEmpty() || finished) {
            return new Typed(words.stream().distinct().toList(), null);
        }
        String prefix = words.remove(words.size() - 1);
        return new Typed(words.stream().distinct().toList(), prefix);
    }

    /** The ranges of the title's words that match a typed word or begin with the prefix. */
    private List<int[]> marks(String title, Typed typed) throws IOException {
        List<int[]> marks = new ArrayList<>();
        try (TokenStream ts = schema.analyzer().tokenStream(Schema.TITLE_WORDS, title)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (typed.words().contains(t)) {
                    marks.add(new int[] {start, end});
                } else if (typed.prefix() != null && t.startsWith(cut(typed.prefix()))) {
                    // Mark the typed part, unless folding changed the word's length ("Straße").
                    boolean sameLength =
                            end - start == t.length() && typed.prefix().length() <= t.length();
                    marks.add(new int[] {
                        start,
                        sameLength && t.startsWith(typed.prefix())
                                ? start + typed.prefix().length()
                                : end
                    });
                }
            }
            ts.end();
        }
        return marks;
    }
}
