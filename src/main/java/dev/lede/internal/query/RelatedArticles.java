package dev.lede.internal.query;

import dev.lede.internal.schema.BodyFingerprint;
import dev.lede.internal.schema.Schema;
import dev.lede.query.Collapse;
import dev.lede.query.RelatedArticle;
import dev.lede.query.RelatedRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "More like this": the articles most similar to one article, by Lucene's {@link MoreLikeThis}
 * over title and body (its most distinctive terms, by tf-idf, as a BM25 query), leaving out the
 * article itself, its near-duplicates, and all but the best-ranked copy of any other story.
 * Thread-safe.
 */
public final class RelatedArticles {
    // MoreLikeThis settings: a term must occur at least twice in the article (or once in the title,
    // which is short) and in at least two articles; 30 terms keep the query cheap and on topic.
    private static final int MAX_QUERY_TERMS = 30;

    private final Schema schema;
    private final DuplicateCollapse duplicates;

    public RelatedArticles(Schema schema) {
        this.schema = schema;
        this.duplicates = new DuplicateCollapse(schema);
    }

    /**
     * The related articles, best first.
     *
     * @throws NoSuchElementException if there is no article with the request's id
     * @throws IllegalArgumentException if the request limits dates and the article has none
     */
    public List<RelatedArticle> related(IndexSearcher searcher, RelatedRequest request) throws IOException {
        TopDocs found = searcher.search(new TermQuery(schema.idTerm(request.id())), 1);
        if (found.scoreDocs.length == 0) {
            throw new NoSuchElementException("no article with id '" + request.id() + "'");
        }
        int doc = found.scoreDocs[0].doc;
        IndexReader reader = searcher.getIndexReader();
        StoredFields stored = searcher.storedFields();
        Set<Integer> excluded = duplicates.copyDocs(searcher, doc, Collapse.DEFAULT_THRESHOLD);
        excluded.add(doc);
        Query query = query(reader, doc, request, stored);
        if (query == null) {
            return List.of();
        }
        List<RelatedArticle> related = new ArrayList<>();
        List<BodyFingerprint> kept = new ArrayList<>();
        int window = request.size() * 2 + excluded.size() + 10;
        for (ScoreDoc s : searcher.search(query, window).scoreDocs) {
            if (related.size() == request.size()) {
                break;
            }
            if (excluded.contains(s.doc)) {
                continue;
            }
            BodyFingerprint f = DuplicateCollapse.fingerprint(reader, s.doc);
            if (f != null && kept.stream().anyMatch(k -> k.similarity(f) >= Collapse.DEFAULT_THRESHOLD)) {
                continue; // another copy of a story already listed
            }
            if (f != null) {
                kept.add(f);
            }
            var article = schema.toArticle(stored.document(s.doc));
            related.add(new RelatedArticle(article.id(), s.score, article));
        }
        return related;
    }

    /** The more-like-this query, within the request's dates; {@code null} when nothing is distinctive. */
    private Query query(IndexReader reader, int doc, RelatedRequest request, StoredFields stored) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(schema.analyzer());
        mlt.setFieldNames(new String[] {Schema.TITLE, Schema.BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        Query like = mlt.like(doc);
        if (like instanceof BooleanQuery b && b.clauses().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(schema.idTerm(request.id())), BooleanClause.Occur.MUST_NOT);
        if (request.hasDateWindow()) {
            String published = stored.document(doc, Set.of(Schema.PUBLISHED)).get(Schema.PUBLISHED);
            if (published == null) {
                throw new IllegalArgumentException("article '" + request.id()
                        + "' has no publication date, so related articles cannot be limited by date");
            }
            long at = dev.lede.article.Published.parse(published).instant().toEpochMilli();
            long from = request.window() == null
                    ? Long.MIN_VALUE
                    : at - request.window().toMillis();
            long to = request.before()
                    ? at - 1
                    : request.window() == null
                            ? Long.MAX_VALUE
                            : at + request.window().toMillis();
            query.add(LongPoint.newRangeQuery(Schema.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }
}
