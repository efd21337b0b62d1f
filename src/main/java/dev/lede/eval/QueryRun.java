package dev.lede.eval;

import java.util.List;
import java.util.Objects;

/**
 * What a system retrieved for one query: the ranking that is measured and written to run files.
 *
 * @param queryId the query id
 * @param ranking retrieved documents with distinct ids, in any order: measures and run files
 *     re-order them as trec_eval does ({@link Metrics#trecOrder(List)})
 */
public record QueryRun(String queryId, List<ScoredDoc> ranking) {
    public QueryRun {
        Objects.requireNonNull(queryId, "queryId");
        ranking = List.copyOf(Objects.requireNonNull(ranking, "ranking"));
    }
}
