package dev.lede.query;

import java.util.List;
import java.util.Objects;

/**
 * The counts of one {@link FacetDimension} for a search: its most frequent values, by descending
 * count, ties by value (ignoring case and accents).
 *
 * <p>Source, author and topic values are counted the way filters match them, ignoring case and
 * accents; each is shown in the form most of its articles give (so "Reuters" and "REUTERS" are one
 * value, shown as the commoner spelling). Date values are {@code 2019}, {@code 2019-01} or {@code
 * 2019-01-04}; undated articles are not counted.
 *
 * @param dimension what was counted
 * @param counts the top values with their article counts, at most {@link FacetRequest#size()}
 * @param valueCount how many distinct values the dimension has among the counted articles (more
 *     than {@code counts.size()} when the list was cut)
 */
public record Facet(FacetDimension dimension, List<Count> counts, int valueCount) {

    /**
     * One value and how many counted articles have it.
     *
     * @param value the value, as it is shown (pass it back as a filter to drill down)
     * @param count articles with the value
     */
    public record Count(String value, long count) {
        public Count {
            Objects.requireNonNull(value, "value");
            if (count < 1) {
                throw new IllegalArgumentException("count must be 1 or more, not " + count);
            }
        }
    }

    public Facet {
        Objects.requireNonNull(dimension, "dimension");
        counts = List.copyOf(Objects.requireNonNull(counts, "counts"));
        if (valueCount < counts.size()) {
            throw new IllegalArgumentException(
                    "valueCount " + valueCount + " is less than the " + counts.size() + " counts listed");
        }
    }
}
