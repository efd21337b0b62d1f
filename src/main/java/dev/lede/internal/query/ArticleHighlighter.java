package dev.lede.internal.query;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Highlight;
import dev.lede.query.Snippet;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights one page of hits with Lucene's UnifiedHighlighter over offsets in postings: the title
 * as a whole, the body as up to N passages of about the requested length, centred on matches,
 * whole words at the edges, in document order. A phrase comes back as one mark. When the body has
 * no match, its lede stands in. Fields longer than {@link Highlight#maxChars()} are highlighted
 * on that prefix.
 */
public final class ArticleHighlighter {
    /** A hit's highlighted title and body passages. */
    public record Highlighted(Snippet title, List<Snippet> snippets) {}

    private static final PassageScores PASSAGE_SCORES = new PassageScores();

    private final Schema schema;
    private final boolean pageMatches;

    public ArticleHighlighter(Schema schema) {
        this(schema, true);
    }

    /** With {@code pageMatches} false, matches come from Lucene's own per-hit strategy (for tests). */
    ArticleHighlighter(Schema schema, boolean pageMatches) {
        this.schema = schema;
        this.pageMatches = pageMatches;
    }

    /** Highlights {@code articles}, found at {@code docIds}, for {@code query}. */
    public List<Highlighted> highlight(
            IndexSearcher searcher, Query query, int[] docIds, List<Article> articles, Highlight options)
            throws IOException {
        SnippetFormatter formatter = new SnippetFormatter(options.preTag(), options.postTag());
        if (options.passages() == 0 && !options.title()) {
            List<Highlighted> plain = new ArrayList<>(articles.size());
            articles.forEach(a -> plain.add(new Highlighted(formatter.plain(a.title()), List.of())));
            return plain;
        }
        Map<Integer, Article> byDoc = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            byDoc.put(docIds[i], articles.get(i));
        }
        PageHighlighter uh = new PageHighlighter(searcher, options, formatter, byDoc);
        boolean body = options.passages() > 0;
        Map<String, Object[]> found = uh.highlightFieldsAsObjects(
                body ? new String[] {Schema.TITLE, Schema.BODY} : new String[] {Schema.TITLE},
                query,
                docIds,
                body ? new int[] {1, options.passages()} : new int[] {1});
        List<Highlighted> out = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Article article = articles.get(i);
            Snippet title = first(found.get(Schema.TITLE)[i]);
            List<Snippet> passages = body ? snippets(found.get(Schema.BODY)[i]) : List.of();
            if (body && passages.isEmpty() && !article.body().isEmpty()) {
                passages = List.of(formatter.plain(lede(article.body(), options.chars())));
            }
            out.add(new Highlighted(title != null ? title : formatter.plain(article.title()), passages));
        }
        return out;
    }

    /** The body's opening, cut on a word boundary near {@code chars}. */
    static String lede(String body, int chars) {
        if (body.length() <= chars) {
            return body;
        }
        int cut = body.lastIndexOf(' ', chars);
        return body.substring(0, cut > chars / 2 ? cut : chars).strip();
    }

    @SuppressWarnings("unchecked")
    private static List<Snippet> snippets(Object value) {
        return value == null ? List.of() : (List<Snippet>) value;
    }

    private static Snippet first(Object value) {
        List<Snippet> list = snippets(value);
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * A highlighter for one page: per-field break iterators, and field values served from the
     * articles already loaded for the page rather than read from stored fields a second time.
     */
    private final class PageHighlighter extends UnifiedHighlighter {
        private static final int CHUNK = 32;
        private final Highlight options;
        private final Map<Integer, Article> byDoc;
        private PageWeight page;

        PageHighlighter(
                IndexSearcher searcher, Highlight options, SnippetFormatter formatter, Map<Integer, Article> byDoc) {
            super(UnifiedHighlighter.builder(searcher, schema.analyzer())
                    .withFormatter(formatter)
                    .withMaxLength(options.maxChars())
                    .withMaxNoHighlightPassages(0)
                    .withHighlightPhrasesStrictly(true)
                    .withWeightMatches(true)
                    .withScorer(PASSAGE_SCORES));
            this.options = options;
            this.byDoc = byDoc;
        }

        /**
         * Highlights {@value #CHUNK} hits at a time: Lucene's highlighter does every hit's title,
         * then every hit's body, and each hit's matches wait from one to the other ({@link
         * PageWeight}), so a page of thousands would hold the matches of all its hits at once.
         */
        @Override
        protected Map<String, Object[]> highlightFieldsAsObjects(
                String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            if (docIds.length <= CHUNK) {
                return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
            }
            Map<String, Object[]> all = new HashMap<>();
            for (String field : fields) {
                all.put(field, new Object[docIds.length]);
            }
            for (int from = 0; from < docIds.length; from += CHUNK) {
                int[] chunk = Arrays.copyOfRange(docIds, from, Math.min(docIds.length, from + CHUNK));
                Map<String, Object[]> found = super.highlightFieldsAsObjects(fields, query, chunk, maxPassages);
                for (String field : fields) {
                    System.arraycopy(found.get(field), 0, all.get(field), from, chunk.length);
                }
                if (page != null) {
                    page.forgetMatches();
                }
            }
            return all;
        }

        /**
         * The field's options, from the first segment that has the field. Lucene's highlighter
         * merges the field infos of every segment, once per highlighter: here once per page, a
         * fifth of the time snippets took at 1M articles (14 segments). A field's options are the
         * same in every segment of an index (Lucene refuses a change), so one segment's answer is
         * the index's.
         */
        @Override
        protected FieldInfo getFieldInfo(String field) {
            for (LeafReaderContext leaf : getIndexSearcher().getIndexReader().leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
                if (info != null) {
                    return info;
                }
            }
            return null;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            if (Schema.TITLE.equals(field)) {
                return new WholeBreakIterator();
            }
            return LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getWordInstance(Locale.ROOT), options.chars(), 0.5f);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(
                String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            int max = options.maxChars();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Article article = byDoc.get(doc);
                CharSequence[] row = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = Schema.TITLE.equals(fields[f]) ? article.title() : article.body();
                    row[f] = value.length() > max ? value.substring(0, max) : value;
                }
                values.add(row);
            }
            return values;
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            if (pageMatches
                    && source == OffsetSource.POSTINGS
                    && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
                if (page == null) {
                    page = new PageWeight(getIndexSearcher().getIndexReader());
                }
                return new PageMatches(components, page);
            }
            return super.getOffsetStrategy(source, components);
        }
    }

    /**
     * A field's matches in the page's hits, from one weight for the whole page: Lucene's own
     * strategy wraps the hit's segment in a reader, then builds a searcher, rewrites the query and
     * creates a weight, for every hit and field. Each wrapper also registers with the segment's
     * reader in a synchronized set of weak references, which two searching threads contend for and
     * the collector then has to clear. The wrapper only maps the query's fields onto the one
     * highlighted, and with Lucene's default field matcher (Lede sets none) that map is the
     * identity, so the matches are the same. The page's fields share the weight and each hit's
     * matches ({@link PageWeight}).
     */
    private static final class PageMatches extends PostingsOffsetStrategy {
        private final PageWeight page;

        PageMatches(UHComponents components, PageWeight page) {
            super(components);
            this.page = page;
        }

        @Override
        protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int docId, List<OffsetsEnum> results)
                throws IOException {
            LeafReaderContext context = page.contextOf(leaf);
            if (context == null) {
                super.createOffsetsEnumsWeightMatcher(leaf, docId, results); // not a segment of the page's reader
                return;
            }
            Matches matches = page.matches(components.query(), context, docId);
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                if (components.fieldMatcher().test(field)) {
                    MatchesIterator iterator = matches.getMatches(field);
                    if (iterator != null) {
                        results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                    }
                }
            }
        }
    }

    /**
     * The weight of one page's query, and each hit's matches, shared by the fields highlighted. A
     * weight's matches hold every field's: the title's and the body's are found in one go per hit
     * (Lucene positions each of the query's terms on the hit for that), and each field then takes
     * its own field's iterators from them.
     */
    private static final class PageWeight {
        private final IndexReader reader;
        // Matches by document number in the page's reader (null: the hit does not match).
        private final Map<Integer, Matches> byDoc = new HashMap<>();
        private Query query;
        private Weight weight;

        PageWeight(IndexReader reader) {
            this.reader = reader;
        }

        Matches matches(Query query, LeafReaderContext context, int docId) throws IOException {
            if (query != this.query) { // each field gets the page's query; another one starts afresh
                this.query = query;
                weight = null;
                byDoc.clear();
            }
            int doc = context.docBase + docId;
            if (byDoc.containsKey(doc)) {
                return byDoc.get(doc);
            }
            Matches matches = weight().matches(context, docId);
            byDoc.put(doc, matches);
            return matches;
        }

        /** Drops the matches kept so far (their hits are done with). */
        void forgetMatches() {
            byDoc.clear();
        }

        private Weight weight() throws IOException {
            if (weight == null) {
                // No query cache: matching a page's hits is no reason to cache a filter.
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
            return weight;
        }

        LeafReaderContext contextOf(LeafReader leaf) {
            for (LeafReaderContext c : reader.leaves()) {
                if (c.reader() == leaf) {
                    return c;
                }
            }
            return null;
        }
    }
}
