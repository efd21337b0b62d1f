package dev.lede.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranking measures of one query, computed as trec_eval computes them. Pure functions of a ranking
 * and the query's judgments (document id to grade).
 *
 * <p><b>Order.</b> As trec_eval does, every function first re-orders the ranking by score,
 * highest first, and breaks ties by document id <em>descending</em> in byte order of the UTF-8
 * ids ({@code strcmp}), whatever order the ranking came in; see {@link #trecOrder(List)}. So "9"
 * ranks before "10" at equal scores. Document ids must be distinct, as trec_eval requires.
 *
 * <p><b>Relevance.</b> A document is relevant when its grade is above 0; unjudged documents are not
 * relevant. With {@code R} the number of relevant documents of the query (retrieved or not) and
 * rank {@code i} counted from 1:
 *
 * <ul>
 *   <li>{@link #ndcg nDCG@k} ({@code ndcg_cut.k}): DCG = Σ<sub>i≤k</sub> gain(i) / log<sub>2</sub>(i
 *       + 1) with gain = the grade (0 for grades of 0 or less and unjudged documents), divided by
 *       the DCG of the ideal ranking: all judged grades of the query, highest first, cut at k.
 *   <li>{@link #averagePrecision AP@k} ({@code map_cut.k}): Σ over relevant documents at rank i ≤ k
 *       of precision at i, divided by R (so relevant documents not retrieved in the top k count 0).
 *   <li>{@link #recall Recall@k} ({@code recall.k}): relevant documents in the top k, divided by R.
 *   <li>{@link #reciprocalRank RR@k}: 1 / the rank of the first relevant document if it is within
 *       the top k, else 0 (trec_eval's {@code recip_rank} has no cut; MRR@10 is the MS MARCO
 *       convention).
 *   <li>{@link #precision P@k} ({@code P.k}): relevant documents in the top k, divided by k, also
 *       when fewer than k were retrieved.
 * </ul>
 *
 * <p>A query with no relevant document scores 0 on every measure here; {@link Evaluation} leaves
 * such queries out of its means and counts them as skipped.
 */
public final class Metrics {
    /** Score descending, then document id descending in UTF-8 byte order, as trec_eval sorts. */
    private static final Comparator<ScoredDoc> TREC_ORDER = (a, b) -> a.score() > b.score()
            ? -1
            : a.score() < b.score() ? 1 : Arrays.compareUnsigned(utf8(b.docId()), utf8(a.docId()));

    private Metrics() {}

    /**
     * The ranking in trec_eval's order: score descending, ties by document id descending in UTF-8
     * byte order.
     *
     * @param ranking retrieved documents with distinct ids, in any order
     * @return a sorted copy
     * @throws IllegalArgumentException if a document id appears twice
     */
    public static List<ScoredDoc> trecOrder(List<ScoredDoc> ranking) {
        List<ScoredDoc> sorted = new ArrayList<>(ranking);
        Set<String> ids = new HashSet<>();
        for (ScoredDoc doc : sorted) {
            if (!ids.add(doc.docId())) {
                throw new IllegalArgumentException("document '" + doc.docId() + "' appears twice in the ranking");
            }
        }
        sorted.sort(TREC_ORDER);
        return List.copyOf(sorted);
    }

    /**
     * All five measures at Lede's cut-offs: nDCG@10, AP@100, Recall@100, RR@10 and P@10.
     *
     * @param queryId the query the ranking answers
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @return the measures
     */
    public static QueryMetrics measure(String queryId, List<ScoredDoc> ranking, Map<String, Integer> grades) {
        List<ScoredDoc> sorted = trecOrder(ranking);
        return new QueryMetrics(
                queryId,
                ndcgSorted(sorted, grades, 10),
                averagePrecisionSorted(sorted, grades, 100),
                recallSorted(sorted, grades, 100),
                reciprocalRankSorted(sorted, grades, 10),
                precisionSorted(sorted, grades, 10));
    }

    /**
     * Normalized discounted cumulative gain at {@code k}, graded (trec_eval {@code ndcg_cut.k}).
     *
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @param k the cut-off, 1 or more
     * @return nDCG@k in [0, 1]; 0 when no judged grade is above 0
     */
    public static double ndcg(List<ScoredDoc> ranking, Map<String, Integer> grades, int k) {
        return ndcgSorted(trecOrder(ranking), grades, checkCutoff(k));
    }

    /**
     * Average precision within the top {@code k}, over all relevant documents (trec_eval {@code
     * map_cut.k}).
     *
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @param k the cut-off, 1 or more
     * @return AP@k in [0, 1]; 0 when the query has no relevant document
     */
    public static double averagePrecision(List<ScoredDoc> ranking, Map<String, Integer> grades, int k) {
        return averagePrecisionSorted(trecOrder(ranking), grades, checkCutoff(k));
    }

    /**
     * The share of the relevant documents found in the top {@code k} (trec_eval {@code recall.k}).
     *
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @param k the cut-off, 1 or more
     * @return Recall@k in [0, 1]; 0 when the query has no relevant document
     */
    public static double recall(List<ScoredDoc> ranking, Map<String, Integer> grades, int k) {
        return recallSorted(trecOrder(ranking), grades, checkCutoff(k));
    }

    /**
     * 1 / the rank of the first relevant document, when it is within the top {@code k}.
     *
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @param k the cut-off, 1 or more
     * @return RR@k in [0, 1]; 0 when no relevant document is in the top k
     */
    public static double reciprocalRank(List<ScoredDoc> ranking, Map<String, Integer> grades, int k) {
        return reciprocalRankSorted(trecOrder(ranking), grades, checkCutoff(k));
    }

    /**
     * Relevant documents in the top {@code k}, divided by {@code k} (trec_eval {@code P.k}).
     *
     * @param ranking retrieved documents, in any order
     * @param grades the query's judgments: document id to grade
     * @param k the cut-off, 1 or more
     * @return P@k in [0, 1]
     */
    public static double precision(List<ScoredDoc> ranking, Map<String, Integer> grades, int k) {
        return precisionSorted(trecOrder(ranking), grades, checkCutoff(k));
    }

    private static double ndcgSorted(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        double ideal = dcg(
                grades.values().stream()
                        .map(Metrics::gain)
                        .sorted(Comparator.reverseOrder())
                        .toList(),
                k);
        if (ideal == 0) {
            return 0;
        }
        // At most 1 in exact arithmetic; the cap only absorbs rounding in a differently ordered sum.
        return Math.min(
                1, dcg(sorted.stream().map(d -> gain(grades.get(d.docId()))).toList(), k) / ideal);
    }

    /** Σ gain(i) / log2(i + 1) over 1-based ranks i up to k. */
    private static double dcg(List<Integer> gains, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            sum += gains.get(i) / log2(i + 2);
        }
        return sum;
    }

    private static double averagePrecisionSorted(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        int relevant = relevantCount(grades);
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int found = 0;
        for (int i = 0; i < Math.min(k, sorted.size()); i++) {
            if (isRelevant(grades, sorted.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant;
    }

    private static double recallSorted(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        int relevant = relevantCount(grades);
        return relevant == 0 ? 0 : (double) relevantInTop(sorted, grades, k) / relevant;
    }

    private static double reciprocalRankSorted(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        for (int i = 0; i < Math.min(k, sorted.size()); i++) {
            if (isRelevant(grades, sorted.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double precisionSorted(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        return (double) relevantInTop(sorted, grades, k) / k;
    }

    private static int relevantInTop(List<ScoredDoc> sorted, Map<String, Integer> grades, int k) {
        int found = 0;
        for (int i = 0; i < Math.min(k, sorted.size()); i++) {
            found += isRelevant(grades, sorted.get(i)) ? 1 : 0;
        }
        return found;
    }

    /** Documents with a grade above 0. */
    static int relevantCount(Map<String, Integer> grades) {
        return (int) grades.values().stream().filter(g -> g > 0).count();
    }

    private static boolean isRelevant(Map<String, Integer> grades, ScoredDoc doc) {
        return gain(grades.get(doc.docId())) > 0;
    }

    /** The grade as a gain: unjudged documents and grades of 0 or less gain nothing. */
    private static int gain(Integer grade) {
        return grade == null || grade < 0 ? 0 : grade;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int checkCutoff(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cut-off k must be 1 or more, not " + k);
        }
        return k;
    }

    /** Fails unless {@code value} is a measure's value, in [0, 1]. */
    static void checkUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], not " + value);
        }
    }
}
