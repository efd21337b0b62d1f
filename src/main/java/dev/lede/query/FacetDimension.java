package dev.lede.query;

import java.util.Locale;

/**
 * What articles can be counted by in a {@link Facet}: a keyword field, or the publication date at
 * one of three granularities (the caller picks one, or several).
 *
 * <p>Date buckets come from the article's own local date as stored (a date-time's day in the offset
 * the source gave, not in UTC); articles without a publication date are not counted in a date
 * dimension.
 */
public enum FacetDimension {
    /** The article's source (one per article). */
    SOURCE,
    /** Each of the article's authors. */
    AUTHOR,
    /** Each of the article's topics. */
    TOPIC,
    /** The year of publication: {@code 2019}. */
    YEAR,
    /** The month of publication: {@code 2019-01}. */
    MONTH,
    /** The day of publication: {@code 2019-01-04}. */
    DAY;

    /** Whether this dimension counts by publication date. */
    public boolean isDate() {
        return this == YEAR || this == MONTH || this == DAY;
    }

    /** The lower-case name used by the command line and in JSON: {@code source}, {@code month}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dimension named {@code label}, ignoring case.
     *
     * @throws IllegalArgumentException if there is none, naming the ones there are
     */
    public static FacetDimension of(String label) {
        for (FacetDimension d : values()) {
            if (d.label().equalsIgnoreCase(label.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "unknown facet '" + label + "': expected source, author, topic, year, month or day");
    }
}
