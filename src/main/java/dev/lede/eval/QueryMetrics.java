package dev.lede.eval;

import java.util.Objects;

/**
 * The measures of one query's ranking; see {@link Metrics} for how each is computed.
 *
 * @param queryId the query id
 * @param ndcg10 nDCG at 10, graded gains
 * @param map100 average precision within the top 100
 * @param recall100 recall at 100
 * @param mrr10 reciprocal rank of the first relevant document within the top 10
 * @param p10 precision at 10
 */
public record QueryMetrics(String queryId, double ndcg10, double map100, double recall100, double mrr10, double p10) {
    public QueryMetrics {
        Objects.requireNonNull(queryId, "queryId");
        Metrics.checkUnit("ndcg10", ndcg10);
        Metrics.checkUnit("map100", map100);
        Metrics.checkUnit("recall100", recall100);
        Metrics.checkUnit("mrr10", mrr10);
        Metrics.checkUnit("p10", p10);
    }
}
