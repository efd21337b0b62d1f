package dev.lede.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How an ingest runs: on how many threads, whom it tells about progress, and when it stops early.
 * Immutable; each method returns a changed copy.
 *
 * @param threads indexing threads; by default one per core
 * @param onProgress called from the ingesting thread after each file and about every 250 ms; it
 *     must return quickly
 * @param cancelled polled between articles; once it returns {@code true} the ingest stops reading,
 *     commits what it has written and reports {@link IngestReport#cancelled()}
 * @param commitInterval how often a long ingest commits while it runs, so that a crash loses at most
 *     about this much work (a re-run then skips what was committed as unchanged); 2 minutes by
 *     default. These commits run beside the ingest, which goes on reading and indexing, and make
 *     nothing searchable; every ingest also commits when it ends, and then what it wrote becomes
 *     searchable. Each commit writes every indexing thread's in-memory segment as it is, so a
 *     shorter interval leaves more small segments for merges to rewrite: a million-article ingest
 *     committing every 30 seconds took about 15% more CPU than one committing every 2 minutes
 *     (docs/bench, "Commits during an ingest").
 */
public record IngestOptions(
        int threads, Consumer<IngestProgress> onProgress, BooleanSupplier cancelled, Duration commitInterval) {
    public IngestOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1 to 256, not " + threads);
        }
        Objects.requireNonNull(onProgress, "onProgress");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be positive, not " + commitInterval);
        }
    }

    /** One thread per core, no progress, never cancelled, a commit every 2 minutes. */
    public static IngestOptions defaults() {
        return new IngestOptions(
                Runtime.getRuntime().availableProcessors(), p -> {}, () -> false, Duration.ofMinutes(2));
    }

    public IngestOptions threads(int n) {
        return new IngestOptions(n, onProgress, cancelled, commitInterval);
    }

    public IngestOptions onProgress(Consumer<IngestProgress> listener) {
        return new IngestOptions(threads, listener, cancelled, commitInterval);
    }

    public IngestOptions cancelWhen(BooleanSupplier condition) {
        return new IngestOptions(threads, onProgress, condition, commitInterval);
    }

    public IngestOptions commitInterval(Duration interval) {
        return new IngestOptions(threads, onProgress, cancelled, interval);
    }
}
