package dev.lede.internal.query;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;

/**
 * A searcher that stops scoring once its time limit says so, keeping the hits found so far and
 * reporting {@link #timedOut()}, like Lucene's {@link IndexSearcher#setTimeout} but cheaper.
 *
 * <p>Lucene's own limit scores every segment in slices of 100 documents, checking the clock
 * between them; the block-max scorers (MaxScore, WAND) then restart their windows every 100
 * documents, which made a default search about 7% slower (docs/bench, {@code SearchTax}). Here the
 * slices start at {@value #FIRST_SLICE} documents and double up to {@value #MAX_SLICE} (as
 * Elasticsearch's cancellable scorer does), so the clock is still read often enough to stop within
 * a few milliseconds of the limit, and scoring runs in the windows it was built for. The slices keep
 * growing from one segment to the next, and a segment where the query can match no more articles
 * than a largest slice holds (its scorer's cost) is scored whole after one look at the clock, which
 * is no more work between two looks than a largest slice: restarting small slices in each of the 16
 * segments of a million articles cost a search about 50 µs, whatever it matched.
 * Not for concurrent use: one searcher serves one request.
 */
final class BoundedSearcher extends IndexSearcher {
    static final int FIRST_SLICE = 1 << 12;
    static final int MAX_SLICE = 1 << 16;

    private final QueryTimeout limit;
    private volatile boolean stopped;
    private int slice = FIRST_SLICE;

    BoundedSearcher(IndexReader reader, Similarity similarity, QueryTimeout limit) {
        super(reader);
        setSimilarity(similarity);
        this.limit = limit;
    }

    @Override
    protected void searchLeaf(LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector)
            throws IOException {
        super.searchLeaf(ctx, minDocId, maxDocId, new Bounded(weight), collector);
    }

    /** Whether any search stopped at the limit (and returned what it had found by then). */
    @Override
    public boolean timedOut() {
        return stopped || super.timedOut();
    }

    private final class Bounded extends FilterWeight {
        Bounded(Weight in) {
            super(in);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
            ScorerSupplier supplier = in.scorerSupplier(context);
            if (supplier == null) {
                return null;
            }
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    return supplier.get(leadCost);
                }

                @Override
                public BulkScorer bulkScorer() throws IOException {
                    return new Sliced(supplier.bulkScorer());
                }

                @Override
                public long cost() {
                    return supplier.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    supplier.setTopLevelScoringClause();
                }
            };
        }
    }

    /** Scores in growing slices, stopping (as if the segment had ended) once the limit has passed. */
    private final class Sliced extends BulkScorer {
        private final BulkScorer in;

        Sliced(BulkScorer in) {
            this.in = in;
        }

        @Override
        public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
            if (in.cost() <= MAX_SLICE) {
                if (limit.shouldExit()) {
                    stopped = true;
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                return in.score(collector, acceptDocs, min, max);
            }
            while (min < max) {
                if (limit.shouldExit()) {
                    stopped = true;
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                int end = (int) Math.min((long) min + slice, max);
                min = in.score(collector, acceptDocs, min, end);
                slice = Math.min(slice * 2, MAX_SLICE);
            }
            return min;
        }

        @Override
        public long cost() {
            return in.cost();
        }
    }
}
