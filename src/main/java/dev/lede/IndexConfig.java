package dev.lede;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link ArticleIndex} runs. Immutable; each method returns a changed copy.
 *
 * @param refreshInterval how often changes become searchable by themselves ({@link
 *     Duration#ZERO} turns that off: then only {@link ArticleIndex#refresh()} and commits do it);
 *     1 second by default, like Elasticsearch
 * @param ramBufferMb memory the writer buffers before it flushes a segment; by default an eighth of
 *     the maximum heap, from 16 to 512 MB
 * @param synonyms a synonyms file applied to query text, or {@code null} (the default) for none:
 *     Solr's format, one rule per line, {@code NYC, New York City} (all equivalent) or {@code NYC =>
 *     New York City}, {@code #} comments. Multi-word synonyms match as phrases. Query time only, so
 *     changing the file needs no re-indexing.
 * @param features the optional parts a new index is built with ({@link IndexFeature}), all by
 *     default; an index that exists keeps the ones it was built with ({@link
 *     ArticleIndex#features()})
 */
public record IndexConfig(Duration refreshInterval, int ramBufferMb, Path synonyms, Set<IndexFeature> features) {
    public IndexConfig {
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isNegative()) {
            throw new IllegalArgumentException("refreshInterval must not be negative, not " + refreshInterval);
        }
        if (ramBufferMb < 1 || ramBufferMb > 2047) {
            throw new IllegalArgumentException("ramBufferMb must be 1 to 2047, not " + ramBufferMb);
        }
        Objects.requireNonNull(features, "features");
        Set<IndexFeature> copy = EnumSet.noneOf(IndexFeature.class);
        for (IndexFeature f : features) {
            copy.add(Objects.requireNonNull(f, "a feature in features"));
        }
        features = Collections.unmodifiableSet(copy);
    }

    /** Refresh every second; a RAM buffer sized for the heap; a new index with every feature. */
    public static IndexConfig defaults() {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        int buffer = (int) Math.max(16, Math.min(512, heapMb / 8));
        return new IndexConfig(Duration.ofSeconds(1), buffer, null, IndexFeature.all());
    }

    public IndexConfig refreshInterval(Duration interval) {
        return new IndexConfig(interval, ramBufferMb, synonyms, features);
    }

    public IndexConfig ramBufferMb(int mb) {
        return new IndexConfig(refreshInterval, mb, synonyms, features);
    }

    public IndexConfig synonyms(Path file) {
        return new IndexConfig(refreshInterval, ramBufferMb, file, features);
    }

    /**
     * The optional parts a new index is built with: {@code Set.of()} for the leanest index, which
     * ingests about twice as fast; an index that exists keeps its own.
     */
    public IndexConfig features(Set<IndexFeature> set) {
        return new IndexConfig(refreshInterval, ramBufferMb, synonyms, set);
    }
}
