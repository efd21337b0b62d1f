package dev.lede.internal.query;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Hit;
import dev.lede.query.QuerySyntaxException;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Runs a {@link SearchRequest} against one point-in-time {@link IndexSearcher}: parses the text in
 * its syntax, compiles it, ranks (BM25, ties by id), loads the page's articles and highlights only
 * that page. Thread-safe.
 */
public final class ArticleSearcher {
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

    /** The Lucene query for a request, or {@code null} when it can match nothing. */
    public LuceneCompiler.Compiled compile(SearchRequest request) {
        String text = request.query().strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (request.syntax()) {
            case LENIENT -> compiler.compile(lenient.parse(text));
            case WORDS -> compiler.compile(LenientParser.parseWords(text));
            case LUCENE -> new LuceneCompiler.Compiled(strict.parse(text), false);
        };
    }

    /**
     * @throws dev.lede.query.QuerySyntaxException in the strict syntax only
     */
    public SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
        long start = System.nanoTime();
        LuceneCompiler.Compiled compiled = compile(request);
        if (compiled == null) {
            return SearchResults.empty(since(start));
        }
        Query query = compiled.query();
        // Only exclusions: nothing to rank by, so newest first (undated last), as a news reader expects.
        Sort sort = compiled.onlyExclusions()
                ? new Sort(schema.publishedSort(true), schema.idSort())
                : new Sort(SortField.FIELD_SCORE, schema.idSort());
        TopDocs top;
        try {
            top = searcher.search(query, request.limit(), sort, !compiled.onlyExclusions());
        } catch (IndexSearcher.TooManyClauses e) {
            // Only a strict query gets here (wildcards and ranges expand when the search runs).
            throw new QuerySyntaxException(request.query(), request.query().length(), StrictParser.tooManyClauses());
        }
        StoredFields stored = searcher.storedFields();
        int[] docIds = new int[top.scoreDocs.length];
        List<Article> articles = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = top.scoreDocs[i].doc;
            articles.add(schema.toArticle(stored.document(docIds[i])));
        }
        List<ArticleHighlighter.Highlighted> highlighted =
                highlighter.highlight(searcher, query, docIds, articles, request.highlight());
        List<Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Article a = articles.get(i);
            hits.add(new Hit(
                    a.id(),
                    sd.score,
                    a,
                    highlighted.get(i).title(),
                    highlighted.get(i).snippets()));
        }
        TotalHits total = top.totalHits;
        return new SearchResults(total.value(), total.relation() == TotalHits.Relation.EQUAL_TO, hits, since(start));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
