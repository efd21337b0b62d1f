package dev.lede.internal.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Collects, through another collector, only the articles scoring at least {@code floor}, and tells
 * the scorer so from the first article on, so that block-max scoring (WAND, MaxScore) skips every
 * block that cannot reach it. For a sorted search whose first sort is the score and whose lowest
 * wanted score is known in advance: there it gives the same top hits as the plain sorted search, at
 * a fraction of the cost, because articles with the floor's score still count (ties are then
 * ordered by the later sorts) while everything below is never scored.
 */
final class ScoreFloor<C extends Collector, T> implements CollectorManager<ScoreFloor.Floored<C>, T> {
    private final CollectorManager<C, T> in;
    private final float floor;

    ScoreFloor(CollectorManager<C, T> in, float floor) {
        this.in = in;
        this.floor = floor;
    }

    @Override
    public Floored<C> newCollector() throws IOException {
        return new Floored<>(in.newCollector(), floor);
    }

    @Override
    public T reduce(Collection<Floored<C>> collectors) throws IOException {
        List<C> inner = new ArrayList<>(collectors.size());
        collectors.forEach(c -> inner.add(c.in));
        return in.reduce(inner);
    }

    /** One collector of the manager: {@code in}, seeing only the articles at or above the floor. */
    static final class Floored<C extends Collector> implements Collector {
        private final C in;
        private final float floor;

        Floored(C in, float floor) {
            this.in = in;
            this.floor = floor;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new FilterLeafCollector(in.getLeafCollector(context)) {
                private Scorable scorer;
                private float score; // of the article being collected, scored once

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    scorer.setMinCompetitiveScore(floor);
                    in.setScorer(new FilterScorable(scorer) {
                        @Override
                        public float score() {
                            return score;
                        }

                        @Override
                        public void setMinCompetitiveScore(float minScore) throws IOException {
                            in.setMinCompetitiveScore(Math.max(minScore, floor));
                        }
                    });
                }

                @Override
                public void collect(int doc) throws IOException {
                    score = scorer.score();
                    if (score >= floor) {
                        in.collect(doc);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            // Skipping below the floor needs a scorer that honours a minimum score.
            return ScoreMode.TOP_SCORES;
        }
    }
}
