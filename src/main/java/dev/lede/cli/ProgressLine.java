package dev.lede.cli;

import dev.lede.ingest.IngestProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** One self-updating line of ingest progress on stderr, shown only when stderr is a terminal. */
final class ProgressLine {
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private boolean shown;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void show(IngestProgress p) {
        if (!enabled) {
            return;
        }
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        String files =
                p.filesTotal() > 0 ? String.format(Locale.ROOT, ", file %d of %d", p.filesDone(), p.filesTotal()) : "";
        err.printf(
                Locale.ROOT,
                "\rIndexing: %,d articles (%,d new, %,d updated, %,d unchanged)%s, %,.0f/s\u001B[K",
                p.articlesDone(),
                p.added(),
                p.updated(),
                p.unchanged(),
                files,
                p.articlesDone() / seconds);
        err.flush();
        shown = true;
    }

    void clear() {
        if (shown) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }
}
