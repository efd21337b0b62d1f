package dev.lede.internal.query;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Hit;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.SortOrder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * Runs a {@link SearchRequest} against one point-in-time {@link IndexSearcher}: parses the text in
 * its syntax, compiles it, ranks (BM25, ties by id), loads the page's articles and highlights only
 * that page. Thread-safe.
 */
public final class ArticleSearcher {
    /** Counting stops here unless an exact total is asked for: Lucene's and Elasticsearch's default. */
    static final int TOTAL_HITS_THRESHOLD = 1_000;

    private final Schema schema;
    private final LenientParser lenient;
    private final LuceneCompiler compiler;
    private final StrictParser strict;
    private final ArticleHighlighter highlighter;

    public ArticleSearcher(Schema schema) {
        this.schema = schema;
        this.lenient = new LenientParser(schema::scope);
        this.compiler = new LuceneCompiler(schema);
        this.strict = new StrictParser(schema);
        this.highlighter = new ArticleHighlighter(schema);
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
        long start = System.nanoTime();
        LuceneCompiler.Compiled compiled = compile(request);
        if (compiled == null) {
            return SearchResults.empty(since(start));
        }
        Query query = compiled.query();
        // Nothing to rank by (only exclusions, or only filters): newest first, as a news reader expects.
        SortOrder order =
                compiled.onlyExclusions() && request.sort() == SortOrder.RELEVANCE ? SortOrder.NEWEST : request.sort();
        FieldDoc after = request.after() == null ? null : SearchCursor.decode(request.after(), order);
        int skip = (request.page() - 1) * request.size();
        int threshold = request.exactTotal() ? Integer.MAX_VALUE : TOTAL_HITS_THRESHOLD;
        TopDocs top;
        try {
            top = searcher.search(
                    query, new TopFieldCollectorManager(sort(order), skip + request.size(), after, threshold));
        } catch (IndexSearcher.TooManyClauses e) {
            // Only a strict query gets here (wildcards and ranges expand when the search runs).
            throw new QuerySyntaxException(request.query(), request.query().length(), StrictParser.tooManyClauses());
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(skip, top.scoreDocs.length), top.scoreDocs.length);
        List<Hit> hits = hits(searcher, query, page, order, request);
        TotalHits total = top.totalHits;
        boolean exact = total.relation() == TotalHits.Relation.EQUAL_TO;
        boolean more = page.length == request.size() && (!exact || total.value() > skip + page.length || after != null);
        String next = more ? SearchCursor.encode(order, (FieldDoc) page[page.length - 1]) : null;
        return new SearchResults(total.value(), exact, hits, next, since(start));
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
