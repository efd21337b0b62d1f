package dev.lede.internal.index;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestProgress;
import dev.lede.ingest.IngestReport;
import dev.lede.internal.ingest.ArticleReader;
import dev.lede.internal.ingest.InputFile;
import dev.lede.internal.ingest.Inputs;
import dev.lede.internal.ingest.ReportCollector;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;

/**
 * Drives one ingest: reads inputs on the calling thread, hands the articles to a {@link BulkIngest},
 * reports progress, stops when cancelled, commits every {@link IngestOptions#commitInterval()} while
 * it runs and again at the end. Not thread-safe: one per ingest.
 */
public final class IngestRun {
    /** The durability step the index owns (commit with its user data, then refresh). */
    @FunctionalInterface
    public interface Commit {
        void run() throws IOException;
    }

    private static final long PROGRESS_NANOS = 250_000_000L;

    private final BulkIngest bulk;
    private final IngestOptions options;
    private final ReportCollector report = new ReportCollector();
    private final long start = System.nanoTime();
    private final Commit commit;
    private long lastProgress = start;
    private long lastCommit = start;
    private long read;
    private int filesDone;
    private int filesTotal;
    private boolean cancelled;

    public IngestRun(IndexWriter writer, Schema schema, IngestOptions options, Commit commit) throws IOException {
        this.bulk = new BulkIngest(writer, schema, options.threads());
        this.options = options;
        this.commit = commit;
    }

    /** Ingests every supported file under {@code path}, then commits. */
    public IngestReport files(Inputs inputs, Path path) throws IOException {
        List<InputFile> files;
        try {
            files = inputs.list(path);
        } catch (IOException e) {
            bulk.abort(); // no such path: stop the indexing threads before saying so
            throw e;
        }
        filesTotal = files.size();
        try {
            for (InputFile input : files) {
                if (checkCancelled()) {
                    break;
                }
                readFile(inputs, input);
                filesDone++;
                progress(true);
            }
        } catch (Cancelled stop) {
            cancelled = true;
        } catch (RuntimeException | Error e) {
            throw fail(e);
        }
        return finish();
    }

    /** Ingests articles the application holds, then commits. */
    public IngestReport articles(Iterator<Article> articles) throws IOException {
        try {
            while (articles.hasNext()) {
                accept(articles.next());
            }
        } catch (Cancelled stop) {
            cancelled = true;
        } catch (RuntimeException | Error e) {
            throw fail(e);
        }
        return finish();
    }

    /** Stops the indexing threads and gives what to throw: the index's I/O failure unwrapped. */
    private IOException fail(Throwable e) throws IOException {
        bulk.abort();
        if (e instanceof UncheckedIOException u) {
            return u.getCause(); // the index, not the input, failed
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    private void readFile(Inputs inputs, InputFile input) {
        Optional<ArticleReader> reader = inputs.readerFor(input.path());
        if (reader.isEmpty()) {
            report.fileIgnored();
            return;
        }
        report.fileRead();
        try {
            reader.get().read(input, this::accept, report);
        } catch (IOException e) {
            report.failed(input.name(), 0, "cannot read the file: " + e.getMessage());
        }
    }

    private void accept(Article article) {
        if (checkCancelled()) {
            throw new Cancelled();
        }
        bulk.accept(article);
        read++;
        progress(false);
        commitIfDue();
    }

    // The writer takes the commit while the indexing threads go on: it holds what they had written.
    private void commitIfDue() {
        long now = System.nanoTime();
        if (now - lastCommit < options.commitInterval().toNanos()) {
            return;
        }
        try {
            commit.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the index failed: see fail()
        }
        lastCommit = System.nanoTime();
    }

    private boolean checkCancelled() {
        cancelled = cancelled || options.cancelled().getAsBoolean();
        return cancelled;
    }

    private void progress(boolean always) {
        long now = System.nanoTime();
        if (always || now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            options.onProgress()
                    .accept(new IngestProgress(
                            filesDone, filesTotal, read, bulk.added(), bulk.updated(), bulk.unchanged()));
        }
    }

    private IngestReport finish() throws IOException {
        bulk.finish();
        for (BulkIngest.Rejected r : bulk.rejected()) {
            report.failed("article " + r.id(), 0, "the index refused it: " + r.reason());
        }
        commit.run(); // what was written is kept, also when cancelled
        progress(true);
        return new IngestReport(
                report.files(),
                bulk.added(),
                bulk.updated(),
                bulk.unchanged(),
                report.skipped(),
                report.failed(),
                report.ignoredFiles(),
                cancelled,
                report.problems(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Unwinds a reader's loop when the ingest is cancelled. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
