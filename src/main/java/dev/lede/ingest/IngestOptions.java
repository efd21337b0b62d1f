package dev.lede.ingest;

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
 */
public record IngestOptions(int threads, Consumer<IngestProgress> onProgress, BooleanSupplier cancelled) {
    public IngestOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1 to 256, not " + threads);
        }
        Objects.requireNonNull(onProgress, "onProgress");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** One thread per core, no progress, never cancelled. */
    public static IngestOptions defaults() {
        return new IngestOptions(Runtime.getRuntime().availableProcessors(), p -> {}, () -> false);
    }

    public IngestOptions threads(int n) {
        return new IngestOptions(n, onProgress, cancelled);
    }

    public IngestOptions onProgress(Consumer<IngestProgress> listener) {
        return new IngestOptions(threads, listener, cancelled);
    }

    public IngestOptions cancelWhen(BooleanSupplier condition) {
        return new IngestOptions(threads, onProgress, condition);
    }
}
