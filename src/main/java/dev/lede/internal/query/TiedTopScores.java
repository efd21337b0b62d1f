package dev.lede.internal.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.NumericUtils;
import org.apache.lucene.util.TernaryLongHeap;

/**
 * The {@code size} best-scoring articles, as Lucene's top-score collector finds them (score, then
 * index order), and also every other article scoring exactly what the last of them scores, up to
 * {@code maxTies} of those: so that a page whose last places are tied can be put in id order
 * without a second search.
 *
 * <p>Lucene's collector asks its scorer only for articles scoring above its current last hit (block-
 * max WAND and MaxScore then skip the rest), so it never sees the articles tied with it. This one
 * asks for articles scoring at least that much, and keeps those equal to the last hit aside; once
 * more than {@code maxTies} are tied, it goes back to asking for more and says that the tied group
 * is not whole. Collecting twice the page instead, to find the ties among the extra hits, made
 * every search pay for a lower bar: about 6% of the median at a million articles (docs/bench).
 * Counts as Lucene's collector does: exactly up to {@code totalHitsThreshold}, then at least.
 */
final class TiedTopScores implements CollectorManager<TiedTopScores.Top, TiedTopScores.Result> {
    /** The sentinel that fills the heap: below every real hit. */
    private static final long EMPTY = encode(Integer.MAX_VALUE, Float.NEGATIVE_INFINITY);

    private final int size;
    private final int totalHitsThreshold;
    private final int maxTies;

    /**
     * The best hits, best first (ties in index order), then the tied ones kept aside in index order;
     * {@code tiesWhole} is false when more were tied than could be kept.
     */
    record Result(TopDocs top, boolean tiesWhole) {}

    TiedTopScores(int size, int totalHitsThreshold, int maxTies) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        this.totalHitsThreshold = Math.max(totalHitsThreshold, size);
        this.maxTies = maxTies;
    }

    @Override
    public Top newCollector() {
        return new Top(size, totalHitsThreshold, maxTies);
    }

    @Override
    public Result reduce(Collection<Top> collectors) {
        if (collectors.size() == 1) {
            return collectors.iterator().next().result();
        }
        // Each collector holds every one of its hits scoring above its last hit, and all or (when
        // not whole) some of those equal to it; the best of all collectors' last hits is at or below
        // the merged last hit, so the merged group is whole unless a collector whose last hit ties
        // it had to drop some.
        List<ScoreDoc> all = new ArrayList<>();
        long total = 0;
        boolean atLeast = false;
        for (Top c : collectors) {
            Result r = c.result();
            all.addAll(Arrays.asList(r.top().scoreDocs));
            total += r.top().totalHits.value();
            atLeast |= r.top().totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        }
        all.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        int keep = Math.min(size, all.size());
        float last = keep == 0 ? Float.NaN : all.get(keep - 1).score;
        boolean whole = true;
        for (Top c : collectors) {
            whole &= !(c.overflow && c.lastScore() == last);
        }
        int end = keep;
        while (end < all.size() && all.get(end).score == last && end - keep < maxTies) {
            end++;
        }
        whole &= end == all.size() || all.get(end).score != last;
        TotalHits hits = new TotalHits(
                total, atLeast ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO);
        return new Result(new TopDocs(hits, all.subList(0, end).toArray(ScoreDoc[]::new)), whole);
    }

    /** Lowest score first, then highest document first: the least competitive hit is the heap's top. */
    private static long encode(int doc, float score) {
        return ((long) NumericUtils.floatToSortableInt(score) << 32) | (Integer.MAX_VALUE - doc);
    }

    private static float score(long code) {
        return NumericUtils.sortableIntToFloat((int) (code >> 32));
    }

    private static int doc(long code) {
        return Integer.MAX_VALUE - (int) code;
    }

    /** One collector of the manager: sees its slice's segments in index order. */
    static final class Top implements Collector {
        private final TernaryLongHeap heap;
        private final int totalHitsThreshold;
        private final int maxTies;
        private int[] ties = new int[8];
        private int tieCount;
        private boolean overflow;
        private int totalHits;
        private boolean atLeast;

        Top(int size, int totalHitsThreshold, int maxTies) {
            this.heap = new TernaryLongHeap(size, EMPTY);
            this.totalHitsThreshold = totalHitsThreshold;
            this.maxTies = maxTies;
        }

        @Override
        public ScoreMode scoreMode() {
            return totalHitsThreshold == Integer.MAX_VALUE ? ScoreMode.COMPLETE : ScoreMode.TOP_SCORES;
        }

        float lastScore() {
            return score(heap.top());
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int docBase = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;
                private long last = heap.top();
                private float lastScore = score(last);
                private float minCompetitive;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    updateMinCompetitive();
                }

                @Override
                public void collect(int doc) throws IOException {
                    float score = scorer.score();
                    int seen = ++totalHits;
                    if (score > lastScore) {
                        long out = last;
                        last = heap.updateTop(encode(doc + docBase, score));
                        float newLast = score(last);
                        if (newLast > lastScore) {
                            tieCount = 0;
                            overflow = false;
                        } else if (out != EMPTY) {
                            tie(doc(out)); // pushed out by a better hit, still tied with the last
                        }
                        lastScore = newLast;
                        updateMinCompetitive();
                    } else {
                        if (score == lastScore) {
                            tie(doc + docBase);
                        }
                        if (seen == totalHitsThreshold + 1) {
                            updateMinCompetitive(); // counting exactly is over: skipping may start
                        }
                    }
                }

                private void tie(int doc) throws IOException {
                    if (tieCount < maxTies) {
                        if (tieCount == ties.length) {
                            ties = Arrays.copyOf(ties, Math.min(maxTies, ties.length * 2));
                        }
                        ties[tieCount++] = doc;
                    } else if (!overflow) {
                        overflow = true;
                        updateMinCompetitive(); // the group cannot be whole: skip the rest of it
                    }
                }

                /**
                 * Once counting exactly is over: articles scoring below the last hit (and, once the
                 * tied group is too large, those equal to it) need not be scored.
                 */
                private void updateMinCompetitive() throws IOException {
                    if (totalHits > totalHitsThreshold) {
                        float min = overflow ? Math.nextUp(lastScore) : lastScore;
                        if (min > minCompetitive) {
                            scorer.setMinCompetitiveScore(min);
                            minCompetitive = min;
                            atLeast = true;
                        }
                    }
                }
            };
        }

        Result result() {
            int n = 0;
            for (int i = 1; i <= heap.size(); i++) {
                n += heap.get(i) != EMPTY ? 1 : 0;
            }
            ScoreDoc[] docs = new ScoreDoc[n + tieCount];
            long[] codes = new long[heap.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = heap.get(i + 1);
            }
            Arrays.sort(codes);
            for (int i = 0; i < n; i++) {
                long code = codes[codes.length - 1 - i];
                docs[i] = new ScoreDoc(doc(code), score(code));
            }
            int[] tied = Arrays.copyOf(ties, tieCount);
            Arrays.sort(tied);
            float last = n == 0 ? Float.NaN : docs[n - 1].score;
            for (int i = 0; i < tied.length; i++) {
                docs[n + i] = new ScoreDoc(tied[i], last);
            }
            TotalHits hits = new TotalHits(
                    totalHits, atLeast ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO);
            return new Result(new TopDocs(hits, docs), !overflow);
        }
    }
}
