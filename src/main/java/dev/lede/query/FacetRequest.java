package dev.lede.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which facet counts a search returns, and how many values each may list.
 *
 * <p>Counts follow Lucene's drill-sideways model: a dimension is counted over the articles matching
 * the query and every {@link Filters filter} except the dimension's own selection (the source
 * filter for {@link FacetDimension#SOURCE}, the publication range for the date dimensions), so
 * selecting one source still shows how many articles the other sources have. Each dimension with a
 * selection costs one more pass over its matches.
 *
 * @param dimensions the dimensions to count, in the order they are returned, without repeats
 * @param size the most values listed per dimension, 1 to {@value #MAX_SIZE}; {@value #DEFAULT_SIZE}
 *     by default
 */
public record FacetRequest(List<FacetDimension> dimensions, int size) {
    public static final int DEFAULT_SIZE = 10;
    /** The most values a dimension may list. */
    public static final int MAX_SIZE = 1_000;

    public FacetRequest {
        Objects.requireNonNull(dimensions, "dimensions");
        for (FacetDimension d : dimensions) {
            Objects.requireNonNull(d, "dimension");
        }
        dimensions = List.copyOf(new LinkedHashSet<>(dimensions));
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("facet size must be 1 to " + MAX_SIZE + ", not " + size);
        }
    }

    /** No facets: the default. */
    public static FacetRequest none() {
        return new FacetRequest(List.of(), DEFAULT_SIZE);
    }

    /** Counts for these dimensions, the top {@value #DEFAULT_SIZE} values of each. */
    public static FacetRequest of(FacetDimension... dimensions) {
        return new FacetRequest(List.of(dimensions), DEFAULT_SIZE);
    }

    /** The same dimensions, listing up to {@code size} values each. */
    public FacetRequest size(int size) {
        return new FacetRequest(dimensions, size);
    }

    /** Whether no dimension is asked for. */
    public boolean isEmpty() {
        return dimensions.isEmpty();
    }
}
