package dev.lede.eval;

import java.util.Objects;

/**
 * One retrieved document of a ranking: its id and the score it was ranked by.
 *
 * @param docId the document id, as the judgments name it
 * @param score the retrieval score; higher ranks first (not NaN)
 */
public record ScoredDoc(String docId, double score) {
    public ScoredDoc {
        Objects.requireNonNull(docId, "docId");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score of document '" + docId + "' is NaN");
        }
    }
}
