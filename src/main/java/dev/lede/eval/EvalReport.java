package dev.lede.eval;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The result of an evaluation: mean measures over the evaluated queries, each query's measures, and
 * the rankings they were computed from.
 *
 * <p>The means are arithmetic means over the queries with at least one relevant document; queries
 * without one are left out and counted in {@code queriesSkipped}. A query that retrieved nothing
 * but has relevant documents counts, with 0 on every measure (as {@code trec_eval -c} counts it).
 * With no evaluated query, every mean is 0.
 *
 * @param ndcg10 mean nDCG@10, graded gains
 * @param map100 mean average precision within the top 100 (MAP@100)
 * @param recall100 mean Recall@100
 * @param mrr10 mean reciprocal rank within the top 10 (MRR@10)
 * @param p10 mean P@10
 * @param queries queries evaluated: those with at least one relevant document
 * @param queriesSkipped queries run but left out of the means, having no relevant document
 * @param perQuery the measures of each evaluated query, in query order
 * @param runs every query's ranking, skipped queries included, in query order
 */
public record EvalReport(
        double ndcg10,
        double map100,
        double recall100,
        double mrr10,
        double p10,
        int queries,
        int queriesSkipped,
        List<QueryMetrics> perQuery,
        List<QueryRun> runs) {
    /** Documents per query in a run file, as in TREC submissions. */
    public static final int RUN_DEPTH = 1000;
    /** The run tag, the last column of each run-file line. */
    public static final String RUN_TAG = "lede";

    private static final Pattern WHITESPACE = Pattern.compile(".*\\s.*", Pattern.DOTALL);

    public EvalReport {
        Metrics.checkUnit("ndcg10", ndcg10);
        Metrics.checkUnit("map100", map100);
        Metrics.checkUnit("recall100", recall100);
        Metrics.checkUnit("mrr10", mrr10);
        Metrics.checkUnit("p10", p10);
        perQuery = List.copyOf(Objects.requireNonNull(perQuery, "perQuery"));
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        if (queries != perQuery.size()) {
            throw new IllegalArgumentException(queries + " queries evaluated, but " + perQuery.size() + " rows");
        }
        if (queriesSkipped < 0) {
            throw new IllegalArgumentException("queriesSkipped must be 0 or more, not " + queriesSkipped);
        }
    }

    /**
     * Writes the rankings as a TREC run file, for trec_eval or other tools: one line {@code qid Q0
     * docid rank score lede} per document, the top {@value #RUN_DEPTH} of each query, in query
     * order and within a query in trec_eval's order (score descending, ties by document id
     * descending), rank from 1. Scores are written in plain decimal notation, exactly as they were
     * measured, so trec_eval reading the file sorts it the same way. UTF-8, {@code \n} line ends;
     * an existing file is replaced.
     *
     * @param file where to write
     * @throws IllegalStateException if a query or document id holds whitespace, which the format
     *     cannot hold (checked before the file is opened)
     * @throws IOException if the file cannot be written
     */
    public void writeRun(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        runs.forEach(EvalReport::checkRunIds);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (QueryRun run : runs) {
                List<ScoredDoc> sorted = Metrics.trecOrder(run.ranking());
                for (int i = 0; i < Math.min(RUN_DEPTH, sorted.size()); i++) {
                    out.write(runLine(run.queryId(), sorted.get(i), i + 1));
                }
            }
        }
    }

    private static String runLine(String queryId, ScoredDoc doc, int rank) {
        String score = BigDecimal.valueOf(doc.score()).stripTrailingZeros().toPlainString();
        return queryId + " Q0 " + doc.docId() + " " + rank + " " + score + " " + RUN_TAG + "\n";
    }

    private static void checkRunIds(QueryRun run) {
        checkRunId("query", run.queryId());
        run.ranking().forEach(doc -> checkRunId("document", doc.docId()));
    }

    private static void checkRunId(String kind, String id) {
        if (id.isEmpty() || WHITESPACE.matcher(id).matches()) {
            throw new IllegalStateException(
                    "a TREC run file cannot hold the " + kind + " id '" + id + "': it is empty or holds whitespace");
        }
    }
}
