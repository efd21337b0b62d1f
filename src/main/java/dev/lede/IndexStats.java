package dev.lede;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A snapshot of an index's size and format.
 *
 * @param articles searchable articles (as of the last refresh)
 * @param segments Lucene segments
 * @param sizeBytes bytes on disk (or in memory) of the index files
 * @param schemaVersion the Lede schema version the index was built with
 * @param features the optional parts the index was built with
 * @param location the index folder, or {@code "memory"}
 */
public record IndexStats(
        long articles, int segments, long sizeBytes, int schemaVersion, Set<IndexFeature> features, String location) {
    public IndexStats {
        Set<IndexFeature> copy = EnumSet.noneOf(IndexFeature.class);
        copy.addAll(features);
        features = Collections.unmodifiableSet(copy);
    }
}
