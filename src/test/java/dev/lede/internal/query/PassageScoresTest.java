package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Lede's passage score is Lucene's default, bit for bit, without a 32 KB hash per passage. */
class PassageScoresTest {
    private static final long SEED = 20261128L;

    @Test
    void score_equalsLucenesDefault_bitForBit_onRandomPassages() {
        Random random = new Random(SEED);
        PassageScorer lucene = new PassageScorer();
        PassageScores lede = new PassageScores();
        for (int round = 0; round < 5_000; round++) {
            // Up to 60 distinct terms: past the 16 that are scanned, the map takes over.
            Passage p = passage(random, 1 + random.nextInt(80), 1 + random.nextInt(60));
            int contentLength = p.getEndOffset() + random.nextInt(5_000);
            float expected = lucene.score(p, contentLength);
            assertThat(Float.floatToIntBits(lede.score(p, contentLength)))
                    .as("seed %d, round %d, %s", SEED, round, p)
                    .isEqualTo(Float.floatToIntBits(expected));
        }
    }

    @Test
    void aRepeatedTerm_countsOnce_withItsFrequencyInThePassage() {
        Passage p = new Passage();
        p.setStartOffset(0);
        p.setEndOffset(100);
        p.addMatch(0, 5, new BytesRef("court"), 3);
        p.addMatch(10, 15, new BytesRef("judge"), 1);
        p.addMatch(20, 25, new BytesRef("court"), 3);
        PassageScorer s = new PassageScorer();
        double expected = (s.tf(2, 100) * s.weight(1_000, 3) + s.tf(1, 100) * s.weight(1_000, 1)) * (double) s.norm(0);
        assertThat(new PassageScores().score(p, 1_000)).isEqualTo((float) expected);
    }

    @Test
    void aPassageWithoutMatches_scoresZero() {
        Passage p = new Passage();
        p.setStartOffset(40);
        p.setEndOffset(90);
        assertThat(new PassageScores().score(p, 500)).isZero();
    }

    @Test
    void scoring_allocatesAFractionOfWhatLucenesDefaultDoes() {
        Random random = new Random(SEED);
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            passages.add(passage(random, 1 + random.nextInt(6), 1 + random.nextInt(4)));
        }
        long lede = allocatedWhileScoring(new PassageScores(), passages);
        long lucene = allocatedWhileScoring(new PassageScorer(), passages);
        // Lucene's hash takes a 32 KB block for each passage; Lede's two small arrays are about
        // 50 bytes for passages of this size.
        assertThat(lucene / passages.size()).isGreaterThan(32_000);
        assertThat(lede / passages.size()).isLessThan(500);
    }

    private static long allocatedWhileScoring(PassageScorer scorer, List<Passage> passages) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        float sum = 0;
        for (Passage p : passages) {
            sum += scorer.score(p, 2_000);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isPositive();
        return allocated;
    }

    /** A passage with {@code matches} matches drawn from {@code vocabulary} terms, in offset order. */
    private static Passage passage(Random random, int matches, int vocabulary) {
        Passage p = new Passage();
        int start = random.nextInt(3_000);
        p.setStartOffset(start);
        int[] freqInDoc = new int[vocabulary];
        for (int t = 0; t < vocabulary; t++) {
            freqInDoc[t] = 1 + random.nextInt(40);
        }
        int[] starts = new int[matches];
        int offset = start;
        for (int m = 0; m < matches; m++) {
            starts[m] = offset += 1 + random.nextInt(30);
            offset += 4;
        }
        p.setEndOffset(offset + random.nextInt(200));
        for (int m = 0; m < matches; m++) {
            int t = random.nextInt(vocabulary);
            // A new BytesRef per match, as offsets enums hand them over: equal by content only.
            p.addMatch(starts[m], starts[m] + 4, new BytesRef("term" + t), freqInDoc[t]);
        }
        return p;
    }
}
