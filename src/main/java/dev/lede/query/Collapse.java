package dev.lede.query;

/**
 * Whether and how near-duplicate articles (copies of one story: syndicated, re-headlined, lightly
 * edited) are folded into one hit. See {@link SearchRequest#collapse(Collapse)}.
 *
 * @param enabled whether to collapse
 * @param threshold the estimated Jaccard similarity of two bodies' word 5-shingles at or above
 *     which they are copies of one story, above 0 and at most 1; {@link #DEFAULT_THRESHOLD} by default
 */
public record Collapse(boolean enabled, double threshold) {
    /**
     * The default similarity threshold, tuned on Reuters and BBC stories copied with realistic edits
     * against other stories on the same topic (README, "Near-duplicates").
     */
    public static final double DEFAULT_THRESHOLD = 0.45;

    private static final Collapse OFF = new Collapse(false, DEFAULT_THRESHOLD);
    private static final Collapse ON = new Collapse(true, DEFAULT_THRESHOLD);

    public Collapse {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("collapse threshold must be above 0 and at most 1, not " + threshold);
        }
    }

    /** No collapsing: every matching article is its own hit. */
    public static Collapse off() {
        return OFF;
    }

    /** Collapsing at the {@link #DEFAULT_THRESHOLD}. */
    public static Collapse on() {
        return ON;
    }

    /** Collapsing copies whose estimated similarity is at least {@code threshold}. */
    public static Collapse atSimilarity(double threshold) {
        return new Collapse(true, threshold);
    }
}
