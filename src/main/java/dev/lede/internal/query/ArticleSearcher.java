package dev.lede.internal.query;

import dev.lede.IndexFeature;
import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Facet;
import dev.lede.query.Hit;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.Recency;
import dev.lede.query.ScoreExplanation;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.SortOrder;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * Runs a {@link SearchRequest} against one point-in-time {@link IndexSearcher}: parses the text in
 * its syntax, compiles it, ranks (BM25, ties by id), loads the page's articles and highlights only
 * that page. Thread-safe.
 */
public final class ArticleSearcher {
    /** Counting stops here unless an exact total is asked for: Lucene's and Elasticsearch's default. */
    static final int TOTAL_HITS_THRESHOLD = 1_000;
    /**
     * Hits tied with the page's last one that are collected beyond the page, up to this, so that
     * equal scores at its edge are usually ordered without a second search ({@link TiedTopScores}).
     */
    static final int TIES_BEYOND_PAGE = 100;

    private final Schema schema;
    private final LenientParser lenient;
    private final LuceneCompiler compiler;
    private final StrictParser strict;
    private final ArticleHighlighter highlighter;
    private final FacetCounter facets;
    private final SpellingSuggester speller;
    private final DuplicateCollapse collapse;

    public ArticleSearcher(Schema schema) {
        this(schema, new ArticleHighlighter(schema));
    }

    /** A searcher whose snippets come from {@code highlighter} (for tests). */
    ArticleSearcher(Schema schema, ArticleHighlighter highlighter) {
        this.schema = schema;
        this.lenient = new LenientParser(schema::scope);
        this.compiler = new LuceneCompiler(schema);
        this.strict = new StrictParser(schema);
        this.highlighter = highlighter;
        this.facets = new FacetCounter(this::compile, compiler::filter);
        this.speller = new SpellingSuggester(schema, this::compile);
        this.collapse = new DuplicateCollapse(schema);
    }

    /**
     * The Lucene query for a request's text, or {@code null} when it can match nothing. Text with
     * nothing searchable but with filters matches every article the filters let through.
     */
    public LuceneCompiler.Compiled compile(SearchRequest request) {
        String text = request.query().strip();
        LuceneCompiler.Compiled compiled = text.isEmpty()
                ? null
                : switch (request.syntax()) {
                    case LENIENT -> compiler.compile(lenient.parse(text));
                    case WORDS -> compiler.compile(LenientParser.parseWords(text));
                    case LUCENE -> new LuceneCompiler.Compiled(strict.parse(text), false);
                };
        Query filter = compiler.filter(request.filters());
        if (filter == null) {
            return compiled;
        }
        if (compiled == null) {
            return text.isEmpty() ? new LuceneCompiler.Compiled(new ConstantScoreQuery(filter), true) : null;
        }
        Query both = new BooleanQuery.Builder()
                .add(compiled.query(), BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
        return new LuceneCompiler.Compiled(both, compiled.onlyExclusions());
    }

    /**
     * @throws dev.lede.query.QuerySyntaxException in the strict syntax only
     * @throws IllegalArgumentException if the request's cursor is not valid for it
     */
    public SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
        Duration timeout = request.timeout();
        return search(searcher, request, timeout.isZero() ? null : deadline(timeout));
    }

    /** The search, its facets and suggestion, stopped when {@code limit} (if any) says so. */
    SearchResults search(IndexSearcher searcher, SearchRequest request, QueryTimeout limit) throws IOException {
        return withFacetsAndSuggestion(searcher, request, ranked(searcher, request, limit), limit);
    }

    /** The results with the facets the request asks for and a respelling, their time counted in took. */
    private SearchResults withFacetsAndSuggestion(
            IndexSearcher searcher, SearchRequest request, SearchResults r, QueryTimeout limit) throws IOException {
        long start = System.nanoTime();
        List<Facet> counts = List.of();
        boolean timedOut = r.timedOut();
        if (!request.facets().isEmpty()) {
            // Counting passes over every match: the request's time limit covers it too, and counts
            // cut short are flagged like hits cut short.
            IndexSearcher bounded = bounded(searcher, limit, request.syntax() == Syntax.LUCENE);
            try {
                counts = facets.count(bounded, request);
                timedOut |= bounded.timedOut();
            } catch (ExitableDirectoryReader.ExitingReaderException e) {
                timedOut = true;
            }
        }
        String suggestion = timedOut || request.after() != null || !schema.has(IndexFeature.SPELLING)
                ? null
                : speller.suggest(searcher, request, r.total());
        return new SearchResults(
                r.total(),
                r.totalIsExact() && !timedOut,
                r.hits(),
                timedOut ? null : r.nextCursor(),
                r.took().plus(since(start)),
                timedOut,
                counts,
                suggestion);
    }

    /** Says stop once {@code timeout} has passed from now (to the nanosecond, unlike Lucene's own). */
    private static QueryTimeout deadline(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        return () -> System.nanoTime() - end > 0;
    }

    /** The ranked page, stopped when {@code limit} (if any) says so. */
    private SearchResults ranked(IndexSearcher searcher, SearchRequest request, QueryTimeout limit) throws IOException {
        long start = System.nanoTime();
        LuceneCompiler.Compiled compiled = compile(request);
        if (compiled == null) {
            return SearchResults.empty(since(start));
        }
        SortOrder order = order(compiled, request);
        Query query = withRecency(compiled.query(), request, order);
        FieldDoc after = request.after() == null ? null : SearchCursor.decode(request.after(), order);
        int skip = (request.page() - 1) * request.size();
        int threshold = request.exactTotal() ? Integer.MAX_VALUE : TOTAL_HITS_THRESHOLD;
        IndexSearcher bounded = bounded(searcher, limit, request.syntax() == Syntax.LUCENE);
        TopDocs top;
        DuplicateCollapse.Page collapsed = null;
        try {
            if (request.collapse().enabled()) {
                collapsed = collapse.page(
                        bounded,
                        query,
                        sort(order),
                        skip,
                        request.size(),
                        after,
                        request.collapse().threshold(),
                        n -> topDocs(bounded, query, order, after, 0, n, threshold));
                top = collapsed.top();
            } else {
                top = topDocs(bounded, query, order, after, skip, request.size(), threshold);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            // Only a strict query gets here (wildcards and ranges expand when the search runs).
            throw new QuerySyntaxException(request.query(), request.query().length(), StrictParser.tooManyClauses());
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            // Out of time while expanding terms, before any article was scored.
            return new SearchResults(0, false, List.of(), null, since(start), true);
        }
        boolean timedOut = bounded.timedOut();
        ScoreDoc[] page = collapsed != null
                ? collapsed.page()
                : Arrays.copyOfRange(top.scoreDocs, Math.min(skip, top.scoreDocs.length), top.scoreDocs.length);
        // The page is highlighted without the time limit: its cost is bounded by its size.
        List<Hit> hits = hits(searcher, query, page, order, request);
        if (collapsed != null) {
            List<Hit> folded = new ArrayList<>(hits.size());
            for (int i = 0; i < hits.size(); i++) {
                folded.add(hits.get(i).withDuplicates(collapsed.duplicates().get(i)));
            }
            hits = folded;
        }
        TotalHits total = top.totalHits;
        boolean exact = total.relation() == TotalHits.Relation.EQUAL_TO && !timedOut;
        boolean more = !timedOut
                && page.length == request.size()
                && (collapsed != null
                        ? collapsed.more()
                        : !exact || total.value() > skip + page.length || after != null);
        String next =
                more ? SearchCursor.encode(order, withId((FieldDoc) page[page.length - 1], hits.getLast())) : null;
        return new SearchResults(total.value(), exact, hits, next, since(start), timedOut);
    }

    /**
     * The first {@code skip + size} articles in {@code order}, ties broken by id. Ranked by relevance
     * from the start, the articles are collected by score alone, which lets Lucene skip articles that
     * cannot reach the page (block-max WAND, MaxScore); a sort with a tie-break on the id disables
     * much of that and made a search about a third slower. The two give the same page unless equal
     * scores straddle its first or last place. Then, when the tied group is whole among the hits
     * collected (the page and up to {@value #TIES_BEYOND_PAGE} tied with its last hit), it is put in
     * id order there; otherwise a sorted search decides, skipping every article scoring below the
     * page's last hit. Returned hits are {@link FieldDoc}s of (score, id) either way.
     */
    private TopDocs topDocs(
            IndexSearcher searcher, Query query, SortOrder order, FieldDoc after, int skip, int size, int threshold)
            throws IOException {
        Sort sort = sort(order);
        if (order != SortOrder.RELEVANCE || after != null) {
            return searcher.search(query, new TopFieldCollectorManager(sort, skip + size, after, threshold));
        }
        // The page, and the hits tied with its last one: a tie at its edge is then usually whole.
        int want = skip + size;
        TiedTopScores.Result found = searcher.search(query, new TiedTopScores(want, threshold, TIES_BEYOND_PAGE));
        TopDocs top = found.top();
        ScoreDoc[] d = top.scoreDocs;
        int end = Math.min(d.length, want);
        boolean tieAtEnd = d.length > end && end > 0 && d[end].score == d[end - 1].score;
        boolean tieAtStart = skip > 0 && skip < d.length && d[skip].score == d[skip - 1].score;
        // Every hit scoring above the page's last one was collected, so a tied group is whole unless
        // it reaches that score and more hits were tied there than were kept.
        boolean whole = found.tiesWhole();
        if ((tieAtEnd || tieAtStart) && !whole && !searcher.timedOut()) {
            // Every article that can reach the page scores at least its last hit's score: the sorted
            // search skips everything below that (ScoreFloor), and the count is the first search's.
            float floor = d[end - 1].score;
            TopDocs sorted = searcher.search(
                    query, new ScoreFloor<>(new TopFieldCollectorManager(sort, want, null, want), floor));
            if (!searcher.timedOut()) {
                return new TopDocs(top.totalHits, sorted.scoreDocs);
            }
            // Stopped while ordering the ties: the page as first found, flagged as timed out.
        }
        // Ties are put in id order from the start of the group holding the page's first hit to the
        // end of the group holding its last; only tied hits need their ids (read from doc values
        // here); the others get theirs from their stored article (see ranked: the cursor).
        int from = Math.min(skip, end);
        while (tieAtStart && from > 0 && d[from - 1].score == d[from].score) {
            from--;
        }
        int to = end;
        while (tieAtEnd && to < d.length && d[to].score == d[end - 1].score) {
            to++;
        }
        FieldDoc[] window = new FieldDoc[to];
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < to; i++) {
            window[i] = new FieldDoc(d[i].doc, d[i].score, new Object[] {d[i].score, null});
            if (i >= from
                    && ((i > from && d[i].score == d[i - 1].score) || (i + 1 < to && d[i].score == d[i + 1].score))) {
                tied.add(i);
            }
        }
        readIds(searcher.getIndexReader().leaves(), window, tied);
        Arrays.sort(window, from, to, (a, b) -> {
            int byScore = Float.compare(b.score, a.score);
            return byScore != 0 ? byScore : compareIds((BytesRef) a.fields[1], (BytesRef) b.fields[1]);
        });
        return new TopDocs(top.totalHits, Arrays.copyOf(window, end));
    }

    /**
     * Sets the id sort value of the hits at {@code which}, read from doc values in index order: one
     * reader per segment, moving forward only, rather than a fresh one for every tied hit.
     */
    private static void readIds(List<LeafReaderContext> leaves, FieldDoc[] hits, List<Integer> which)
            throws IOException {
        which.sort(Comparator.comparingInt(i -> hits[i].doc));
        LeafReaderContext leaf = null;
        SortedDocValues ids = null;
        for (int i : which) {
            FieldDoc hit = hits[i];
            if (leaf == null || hit.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                ids = leaf.reader().getSortedDocValues(Schema.ID);
            }
            if (ids != null && ids.advanceExact(hit.doc - leaf.docBase)) {
                hit.fields[1] = BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue()));
            }
        }
    }

    /** The hit's sort values with its id, which a relevance page leaves out unless it was tied. */
    private static FieldDoc withId(FieldDoc last, Hit hit) {
        if (last.fields.length < 2 || last.fields[1] != null) {
            return last;
        }
        return new FieldDoc(last.doc, last.score, new Object[] {last.fields[0], new BytesRef(hit.id())});
    }

    private static int compareIds(BytesRef a, BytesRef b) {
        // As the id sort does: an article without an id value (none is written) comes first.
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /**
     * A searcher over the same point in time that stops when {@code limit} says: while scoring (it then
     * keeps the hits found so far and reports {@link IndexSearcher#timedOut()}; {@link
     * BoundedSearcher}) and, for the strict
     * syntax, also while enumerating terms to expand wildcards, fuzzy terms and ranges (it then
     * throws), which Lucene's searcher timeout alone does not cover. The lenient syntax expands
     * nothing, so it is spared the checks on every term the reader reads.
     */
    private static IndexSearcher bounded(IndexSearcher searcher, QueryTimeout limit, boolean expands)
            throws IOException {
        if (limit == null) {
            return searcher;
        }
        return new BoundedSearcher(
                expands
                        ? ExitableDirectoryReader.wrap((DirectoryReader) searcher.getIndexReader(), limit)
                        : searcher.getIndexReader(),
                searcher.getSimilarity(),
                limit);
    }

    // Nothing to rank by (only exclusions, or only filters): newest first, as a news reader expects.
    private static SortOrder order(LuceneCompiler.Compiled compiled, SearchRequest request) {
        return compiled.onlyExclusions() && request.sort() == SortOrder.RELEVANCE ? SortOrder.NEWEST : request.sort();
    }

    /** The relevance query with the request's recency factor, when it has one and ranks by relevance. */
    private static Query withRecency(Query query, SearchRequest request, SortOrder order) {
        Recency r = request.recency();
        if (r == null || order != SortOrder.RELEVANCE || r.weight() == 0) {
            return query;
        }
        long origin = r.origin() != null ? r.origin().toEpochMilli() : System.currentTimeMillis();
        return FunctionScoreQuery.boostByValue(
                query, new RecencyValues(origin, r.halfLife().toMillis(), r.weight()));
    }

    /**
     * Why the article with {@code id} scores what it does for {@code request}, or empty when there
     * is no such article.
     */
    public Optional<ScoreExplanation> explain(IndexSearcher searcher, SearchRequest request, String id)
            throws IOException {
        TopDocs found = searcher.search(new TermQuery(schema.idTerm(id)), 1);
        if (found.scoreDocs.length == 0) {
            return Optional.empty();
        }
        LuceneCompiler.Compiled compiled = compile(request);
        if (compiled == null) {
            return Optional.of(new ScoreExplanation(false, 0, "the query has nothing searchable", List.of()));
        }
        Query query = withRecency(compiled.query(), request, order(compiled, request));
        return Optional.of(convert(searcher.explain(query, found.scoreDocs[0].doc)));
    }

    private static ScoreExplanation convert(Explanation e) {
        List<ScoreExplanation> details = new ArrayList<>();
        for (Explanation d : e.getDetails()) {
            details.add(convert(d));
        }
        return new ScoreExplanation(e.isMatch(), e.getValue().floatValue(), e.getDescription(), details);
    }

    private List<Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, SortOrder order, SearchRequest request)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        int[] docIds = new int[page.length];
        List<Article> articles = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = page[i].doc;
            articles.add(schema.toArticle(stored.document(docIds[i])));
        }
        List<ArticleHighlighter.Highlighted> highlighted =
                highlighter.highlight(searcher, query, docIds, articles, request.highlight());
        List<Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Article a = articles.get(i);
            // Sorted by relevance, the first sort value is the score; sorted by date there is none.
            float score = order == SortOrder.RELEVANCE ? (Float) ((FieldDoc) page[i]).fields[0] : Float.NaN;
            hits.add(new Hit(
                    a.id(),
                    score,
                    a,
                    highlighted.get(i).title(),
                    highlighted.get(i).snippets()));
        }
        return hits;
    }

    private Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, schema.idSort());
            case NEWEST -> new Sort(schema.publishedSort(true), schema.idSort());
            case OLDEST -> new Sort(schema.publishedSort(false), schema.idSort());
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
