package dev.lede.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Freshness as a share of the relevance score, for searches ranked by relevance: each hit's score
 * is multiplied by {@code (1 - weight) + weight × 0.5^(age / halfLife)}, so a just-published
 * article keeps its whole score and one a half-life old loses half of the recency share. Recency
 * reorders results that are close in relevance; it never sorts relevance away. Undated articles
 * are neutral: they count as fresh, never demoted for lacking a date; articles dated after the
 * origin count as fresh too. It shows in {@code ArticleIndex.explain}.
 *
 * @param halfLife the age at which the recency part is halved, more than zero
 * @param weight the share of the score that recency may take away, from 0 (none) to 1 (all)
 * @param origin the instant ages are measured from, or {@code null} for the time of the search
 */
public record Recency(Duration halfLife, double weight, Instant origin) {
    /** The share used when none is given: enough to order near-ties by date. */
    public static final double DEFAULT_WEIGHT = 0.3;

    public Recency {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("recency half-life must be more than zero, not " + halfLife);
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("recency weight must be 0 to 1, not " + weight);
        }
    }

    /** Recency with this half-life, weight {@value #DEFAULT_WEIGHT}, measured from the time of the search. */
    public static Recency halfLife(Duration halfLife) {
        return new Recency(halfLife, DEFAULT_WEIGHT, null);
    }

    public Recency weight(double weight) {
        return new Recency(halfLife, weight, origin);
    }

    public Recency origin(Instant origin) {
        return new Recency(halfLife, weight, origin);
    }
}
