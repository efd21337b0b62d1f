package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Each measure on small rankings whose values are worked out by hand in the comments. */
class MetricsTest {
    /** Floating-point noise only: the expected values are exact expressions. */
    private static final Offset<Double> EXACT = within(1e-12);

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    /** Documents ranked in the given order, by descending scores 100, 99, 98, ... */
    private static List<ScoredDoc> ranked(String... ids) {
        List<ScoredDoc> docs = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            docs.add(new ScoredDoc(ids[i], 100 - i));
        }
        return docs;
    }

    // Ranking a, b, c, d, e; relevant a, c and z (z not retrieved), so R = 3; b judged 0, e unjudged.
    private static final List<ScoredDoc> ABCDE = ranked("a", "b", "c", "d", "e");
    private static final Map<String, Integer> ACZ = Map.of("a", 1, "b", 0, "c", 1, "d", 0, "z", 1);

    @Test
    void ndcg_gradedGains_dividesByTheIdealOfAllJudgedGrades() {
        // Ranking x, y, w; grades x=1, y=0, w=3, and v=2 not retrieved.
        // DCG = 1/log2(2) + 0/log2(3) + 3/log2(4) = 1 + 1.5 = 2.5
        // ideal gains 3, 2, 1, 0: IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3.5 + 2/log2(3)
        List<ScoredDoc> ranking = ranked("x", "y", "w");
        Map<String, Integer> grades = Map.of("x", 1, "y", 0, "w", 3, "v", 2);

        assertThat(Metrics.ndcg(ranking, grades, 10)).isCloseTo(2.5 / (3.5 + 2 / log2(3)), EXACT);
        assertThat(Metrics.ndcg(ranking, grades, 10)).isCloseTo(0.5250050, within(1e-7));
    }

    @Test
    void ndcg_cutAtK_cutsTheIdealRankingToo() {
        // Top 2 of x, y, w: DCG@2 = 1; IDCG@2 = 3 + 2/log2(3).
        List<ScoredDoc> ranking = ranked("x", "y", "w");
        Map<String, Integer> grades = Map.of("x", 1, "y", 0, "w", 3, "v", 2);

        assertThat(Metrics.ndcg(ranking, grades, 2)).isCloseTo(1 / (3 + 2 / log2(3)), EXACT);
    }

    @Test
    void ndcg_idealRanking_isOne() {
        assertThat(Metrics.ndcg(ranked("w", "v", "x"), Map.of("x", 1, "w", 3, "v", 2), 10))
                .isEqualTo(1.0);
    }

    @Test
    void ndcg_binaryGrades_matchesTheTextbookValue() {
        // a, c relevant at ranks 1 and 3, z not retrieved: DCG = 1 + 1/log2(4) = 1.5;
        // IDCG = 1 + 1/log2(3) + 1/log2(4).
        assertThat(Metrics.ndcg(ABCDE, ACZ, 10)).isCloseTo(1.5 / (1.5 + 1 / log2(3)), EXACT);
    }

    @Test
    void averagePrecision_dividesBySumOverAllRelevant() {
        // Precision at a (rank 1) = 1/1, at c (rank 3) = 2/3; z never found; R = 3.
        assertThat(Metrics.averagePrecision(ABCDE, ACZ, 100)).isCloseTo((1.0 + 2.0 / 3) / 3, EXACT);
    }

    @Test
    void averagePrecision_cutAtK_ignoresRelevantBelowTheCut() {
        // Only a (rank 1) is within the top 2: (1/1) / 3.
        assertThat(Metrics.averagePrecision(ABCDE, ACZ, 2)).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void recall_countsRelevantWithinTheCutOverAllRelevant() {
        assertThat(Metrics.recall(ABCDE, ACZ, 100)).isCloseTo(2.0 / 3, EXACT);
        assertThat(Metrics.recall(ABCDE, ACZ, 2)).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void reciprocalRank_isOneOverTheFirstRelevantRank() {
        assertThat(Metrics.reciprocalRank(ABCDE, ACZ, 10)).isEqualTo(1.0);
        assertThat(Metrics.reciprocalRank(ranked("b", "d", "c"), ACZ, 10)).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void reciprocalRank_firstRelevantBelowTheCut_isZero() {
        List<ScoredDoc> ranking = ranked("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "a");

        assertThat(Metrics.reciprocalRank(ranking, ACZ, 10)).isEqualTo(0.0);
        assertThat(Metrics.reciprocalRank(ranking, ACZ, 11)).isCloseTo(1.0 / 11, EXACT);
    }

    @Test
    void precision_dividesByKEvenWhenFewerWereRetrieved() {
        // 2 relevant (a, c) among only 5 retrieved: 2/10.
        assertThat(Metrics.precision(ABCDE, ACZ, 10)).isCloseTo(0.2, EXACT);
        assertThat(Metrics.precision(ABCDE, ACZ, 3)).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void measure_givesTheFiveMeasuresAtLedesCutoffs() {
        QueryMetrics m = Metrics.measure("q7", ABCDE, ACZ);

        assertThat(m.queryId()).isEqualTo("q7");
        assertThat(m.ndcg10()).isCloseTo(1.5 / (1.5 + 1 / log2(3)), EXACT);
        assertThat(m.map100()).isCloseTo(5.0 / 9, EXACT);
        assertThat(m.recall100()).isCloseTo(2.0 / 3, EXACT);
        assertThat(m.mrr10()).isEqualTo(1.0);
        assertThat(m.p10()).isCloseTo(0.2, EXACT);
    }

    @Test
    void measures_noRelevantDocument_areZero() {
        Map<String, Integer> none = Map.of("a", 0, "b", -1);

        assertThat(Metrics.measure("q", ABCDE, none)).isEqualTo(new QueryMetrics("q", 0, 0, 0, 0, 0));
    }

    @Test
    void measures_negativeGrade_isNotRelevantAndGainsNothing() {
        // a is -2: c at rank 3 is the only relevant document. DCG = 1/log2(4) = 0.5, IDCG = 1.
        Map<String, Integer> grades = Map.of("a", -2, "c", 1);

        assertThat(Metrics.ndcg(ABCDE, grades, 10)).isCloseTo(0.5, EXACT);
        assertThat(Metrics.reciprocalRank(ABCDE, grades, 10)).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void trecOrder_tiedScores_breaksTiesByDocIdDescendingInByteOrder() {
        List<ScoredDoc> ranking = List.of(
                new ScoredDoc("10", 1.0),
                new ScoredDoc("9", 1.0),
                new ScoredDoc("a", 1.0),
                new ScoredDoc("2", 2.0),
                new ScoredDoc("b", 1.0),
                new ScoredDoc("low", 0.5));

        // Bytes, not numbers: "9" (0x39) > "10" (0x31 0x30), and letters sort above digits.
        assertThat(Metrics.trecOrder(ranking))
                .extracting(ScoredDoc::docId)
                .containsExactly("2", "b", "a", "9", "10", "low");
    }

    @Test
    void trecOrder_tiedScores_comparesUtf8BytesNotUtf16Chars() {
        // U+1D49C is F0 9D 92 9C in UTF-8 but D835 DC9C in UTF-16; U+FB01 is EF AC 81 and FB01.
        // UTF-16 order would put U+FB01 above; strcmp on UTF-8 puts U+1D49C above.
        String script = "\uD835\uDC9C";
        String ligature = "\uFB01";
        List<ScoredDoc> ranking = List.of(new ScoredDoc(ligature, 1.0), new ScoredDoc(script, 1.0));

        assertThat(Metrics.trecOrder(ranking)).extracting(ScoredDoc::docId).containsExactly(script, ligature);
    }

    @Test
    void measures_tiedScores_useTrecOrderNotTheGivenOrder() {
        // Given as "10" (relevant), "9" at equal scores; trec_eval ranks "9" first.
        List<ScoredDoc> ranking = List.of(new ScoredDoc("10", 3.0), new ScoredDoc("9", 3.0));
        Map<String, Integer> grades = Map.of("10", 1);

        assertThat(Metrics.reciprocalRank(ranking, grades, 10)).isEqualTo(0.5);
        assertThat(Metrics.averagePrecision(ranking, grades, 100)).isEqualTo(0.5);
        assertThat(Metrics.ndcg(ranking, grades, 10)).isCloseTo(1 / log2(3), EXACT);
    }

    @Test
    void measures_unsortedInput_isSortedByScoreFirst() {
        List<ScoredDoc> ranking = List.of(new ScoredDoc("c", 1.0), new ScoredDoc("b", 2.0), new ScoredDoc("a", 3.0));

        assertThat(Metrics.averagePrecision(ranking, Map.of("a", 1), 100)).isEqualTo(1.0);
    }

    @Test
    void measures_duplicateDocId_isRejected() {
        List<ScoredDoc> ranking = List.of(new ScoredDoc("a", 2.0), new ScoredDoc("a", 1.0));

        assertThatThrownBy(() -> Metrics.precision(ranking, ACZ, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("document 'a' appears twice in the ranking");
    }

    @Test
    void measures_cutoffBelowOne_isRejected() {
        assertThatThrownBy(() -> Metrics.ndcg(ABCDE, ACZ, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut-off k must be 1 or more, not 0");
    }

    @Test
    void scoredDoc_nanScore_isRejected() {
        assertThatThrownBy(() -> new ScoredDoc("a", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score of document 'a' is NaN");
    }
}
