package dev.lede.query;

import java.util.Objects;

/**
 * Another copy of a hit's story, folded into the hit when near-duplicates are collapsed (see
 * {@link SearchRequest#collapse(boolean)}).
 *
 * @param id the copy's article id
 * @param source its source, or {@code null} when unknown
 * @param url its url, or {@code null} when unknown
 * @param similarity the estimated Jaccard similarity of its body to the hit's (word 5-shingles,
 *     MinHash), 0 to 1; 1 for a copy whose words are the same
 */
public record Duplicate(String id, String source, String url, double similarity) {
    public Duplicate {
        Objects.requireNonNull(id, "id");
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be 0 to 1, not " + similarity);
        }
    }
}
