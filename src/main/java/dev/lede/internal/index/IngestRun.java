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
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexWriter;

/**
 * Drives one ingest: reads inputs (small files ahead on reading threads, in input order), hands the
 * articles to a {@link BulkIngest},
 * reports progress, stops when cancelled, commits every {@link IngestOptions#commitInterval()} while
 * it runs and again at the end. Not thread-safe: one per ingest.
 *
 * <p>A commit while the ingest runs is taken on a thread of its own, so that reading and indexing
 * go on meanwhile (a commit flushes every in-memory segment and syncs the files: a second or two at
 * 500,000 articles, during which the indexing threads used to run out of work). It makes nothing
 * searchable: opening a searcher on the writer flushes the in-memory segments too, and right after
 * a commit those hold only the few hundred articles indexed since, which then stayed in the index
 * as segments of their own. What the ingest wrote becomes searchable when it ends.
 */
public final class IngestRun {
    /** The durability step the index owns: a commit with its user data. */
    @FunctionalInterface
    public interface Commit {
        /** Commits; with {@code refresh}, also makes what was committed searchable. */
        void run(boolean refresh) throws IOException;
    }

    private static final long PROGRESS_NANOS = 250_000_000L;

    private final BulkIngest bulk;
    private final IngestOptions options;
    private final ReportCollector report = new ReportCollector();
    private final long start = System.nanoTime();
    private final Commit commit;
    private long lastProgress = start;
    private long lastCommit = start;
    private FutureTask<Void> committing; // the commit taken while the ingest runs, if any
    private long read;
    // The ids each file's deletes are meant for (by origin); counted once the writes are done, as
    // an id another file took over in this ingest is replaced, not deleted.
    private final List<Map.Entry<String, Set<String>>> deleting = new ArrayList<>();
    private long unchangedInFiles; // articles of files skipped as unchanged
    private int unchangedFiles;
    // Index changes that must wait until the articles queued before them are written: recording a
    // file's state once all its articles are in, deleting the ones it no longer holds. They run
    // before each commit, so a commit never records a file as read before all of it is there.
    private final List<IndexWrite> afterWrites = new ArrayList<>();
    private Schema.FileStamp reading; // the file being read (its state marked as not yet complete)
    private Set<String> readingIds; // the ids read from it so far
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
        Map<String, FileOrigins.Known> known;
        try {
            files = inputs.list(path);
            known = FileOrigins.under(bulk.snapshot(), path, Files.isDirectory(path));
        } catch (IOException e) {
            bulk.abort(); // no such path: stop the indexing threads before saying so
            throw e;
        }
        filesTotal = files.size();
        bulk.fileOrder(
                files.stream().map(f -> FileOrigins.key(f.path(), f.name())).toList());
        int threads = options.threads();
        ExecutorService readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lede-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Set<String> listed = new HashSet<>();
            List<String> unlisted = new ArrayList<>(); // folders that could not be listed
            // Files are prepared (and small ones read) a few ahead on the reading threads, and
            // applied to the index in input order on this one.
            ArrayDeque<Future<Prepared>> ahead = new ArrayDeque<>();
            Iterator<InputFile> next = files.iterator();
            while (!checkCancelled()) {
                while (ahead.size() < 2 * threads && next.hasNext()) {
                    InputFile input = next.next();
                    listed.add(FileOrigins.key(input.path(), input.name()));
                    if (Files.isDirectory(input.path(), LinkOption.NOFOLLOW_LINKS)) {
                        unlisted.add(input.path().toAbsolutePath().normalize()
                                + input.path().getFileSystem().getSeparator());
                    }
                    ahead.add(readers.submit(() -> prepare(inputs, input, known)));
                }
                if (ahead.isEmpty()) {
                    break;
                }
                apply(await(ahead.poll()));
                filesDone++;
                progress(true);
            }
            if (!cancelled) {
                putBackYielded(inputs, files);
                removeGone(known, listed, unlisted);
            }
        } catch (Cancelled stop) {
            cancelled = true;
        } catch (RuntimeException | Error e) {
            throw fail(e);
        } finally {
            readers.shutdownNow();
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
        awaitQuietly(e);
        if (e instanceof UncheckedIOException u) {
            return u.getCause(); // the index, not the input, failed
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    /** Files up to this size are read ahead on the reading threads; bigger ones stream. */
    static final long READ_AHEAD_BYTES = 4L << 20;

    /**
     * What is known of a file before it is applied to the index: whether it is read at all, its
     * state, and, for a small file, its articles and problems, read ahead on a reading thread.
     */
    private record Prepared(
            InputFile input,
            Optional<ArticleReader> reader,
            Schema.FileStamp now,
            FileOrigins.Known before,
            Schema.FileStamp stamp,
            boolean unchanged,
            List<Article> articles, // null: read it on the ingesting thread
            ReportCollector problems) {}

    /**
     * Decides whether a file must be read: not when the index holds it as it is now (same size and
     * modification time, or same bytes). Runs on a reading thread; touches no shared state.
     */
    private static Prepared prepare(Inputs inputs, InputFile input, Map<String, FileOrigins.Known> known) {
        Optional<ArticleReader> reader = inputs.readerFor(input.path());
        if (reader.isEmpty()) {
            return new Prepared(input, reader, null, null, null, false, null, null);
        }
        Schema.FileStamp now = FileOrigins.attributes(input.path(), input.name());
        FileOrigins.Known before = now == null ? null : known.get(now.origin());
        Schema.FileStamp stamp = null;
        if (now != null) {
            if (before != null
                    && before.stamp().size() == now.size()
                    && before.stamp().mtime() == now.mtime()) {
                return new Prepared(input, reader, now, before, null, true, null, null);
            }
            try {
                stamp = new Schema.FileStamp(
                        now.origin(), now.size(), now.mtime(), FileOrigins.hash(input.path(), input.name()), -1);
            } catch (IOException e) {
                stamp = null; // the reader says why it cannot be read
            }
            if (stamp != null
                    && before != null
                    && before.stamp().size() == stamp.size()
                    && Arrays.equals(before.stamp().hash(), stamp.hash())) {
                return new Prepared(input, reader, now, before, stamp, true, null, null);
            }
        }
        if (now == null || now.size() > READ_AHEAD_BYTES) {
            return new Prepared(input, reader, now, before, stamp, false, null, null);
        }
        List<Article> articles = new ArrayList<>();
        ReportCollector problems = new ReportCollector();
        read(reader.get(), input, articles::add, problems);
        return new Prepared(input, reader, now, before, stamp, false, articles, problems);
    }

    private static void read(ArticleReader reader, InputFile input, Consumer<Article> sink, ReportCollector report) {
        try {
            reader.read(input, sink, report);
        } catch (IOException e) {
            report.failed(input.name(), 0, "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * Applies a prepared file to the index, in input order: its articles are upserted, and once all
     * are in, the file's state is recorded and the articles it no longer holds are deleted, unless
     * reading it failed part-way.
     */
    private void apply(Prepared p) {
        if (p.reader().isEmpty()) {
            report.fileIgnored();
            return;
        }
        if (p.unchanged()) {
            if (p.stamp() != null) {
                restamp(withArticles(p.stamp(), p.before().stamp().articles())); // touched, not changed
            }
            unchangedFiles++;
            unchangedInFiles += p.before().ids().size();
            return;
        }
        report.fileRead();
        long failedBefore = report.failed();
        // Until the file is read through, its articles hold a state that matches no file.
        reading = p.now() == null ? null : FileOrigins.changed(p.now().origin());
        readingIds = new HashSet<>();
        try {
            if (p.articles() == null) {
                read(p.reader().get(), p.input(), this::accept, report);
            } else {
                report.add(p.problems());
                p.articles().forEach(this::accept);
            }
        } finally {
            reading = null;
        }
        Schema.FileStamp stamp = p.stamp();
        if (stamp == null || report.failed() > failedBefore) {
            return; // read again next time; keep what it gave before
        }
        FileOrigins.Known before = p.before();
        if (before != null) {
            Set<String> dropped = new HashSet<>(before.ids());
            dropped.removeAll(readingIds);
            if (!dropped.isEmpty()) {
                afterWrites.add(() -> bulk.deleteFromFile(before.stamp().origin(), dropped));
                deleting.add(Map.entry(before.stamp().origin(), dropped));
            }
        }
        restamp(withArticles(stamp, readingIds.size())); // its articles, rewritten or not, take its state
    }

    private static Schema.FileStamp withArticles(Schema.FileStamp s, long articles) {
        return new Schema.FileStamp(s.origin(), s.size(), s.mtime(), s.hash(), articles);
    }

    private void restamp(Schema.FileStamp stamp) {
        afterWrites.add(() -> bulk.restamp(stamp));
    }

    /** Runs the changes that waited for the articles queued before them. */
    private void runAfterWrites() throws IOException {
        for (IndexWrite w : afterWrites) {
            w.run();
        }
        afterWrites.clear();
    }

    /**
     * Puts back, in this ingest, the articles an earlier file left to a later one (which held their
     * ids) when the later file, read again, no longer holds them: each is read again from the last
     * file that gave it.
     */
    private void putBackYielded(Inputs inputs, List<InputFile> files) {
        if (deleting.isEmpty()) {
            return;
        }
        bulk.drain(); // every yield is known
        Map<String, Set<String>> byFile = new HashMap<>();
        for (Map.Entry<String, Set<String>> dropped : deleting) {
            Map<String, String> yielded = bulk.yieldedTo(dropped.getKey());
            List<String> released = new ArrayList<>();
            for (String id : dropped.getValue()) {
                String from = yielded.get(id);
                if (from != null) {
                    byFile.computeIfAbsent(from, f -> new HashSet<>()).add(id);
                    released.add(id);
                }
            }
            bulk.release(dropped.getKey(), released);
        }
        for (InputFile input : files) {
            Set<String> ids = byFile.get(FileOrigins.key(input.path(), input.name()));
            if (ids != null) {
                readAgain(inputs, input, ids);
            }
        }
    }

    /** Reads a file again for the articles with {@code ids}, then records its state as {@link #apply} does. */
    private void readAgain(Inputs inputs, InputFile input, Set<String> ids) {
        Prepared p = prepare(inputs, input, Map.of()); // known as nothing: its state and articles afresh
        if (p.reader().isEmpty() || p.stamp() == null) {
            return; // read again next time
        }
        // Its problems were reported on the first read.
        ReportCollector again = p.problems() != null ? p.problems() : new ReportCollector();
        Set<String> all = new HashSet<>();
        Schema.FileStamp marker = FileOrigins.changed(p.stamp().origin());
        Consumer<Article> putBack = a -> {
            all.add(a.id());
            if (ids.contains(a.id())) {
                bulk.accept(a, marker);
            }
        };
        if (p.articles() != null) {
            p.articles().forEach(putBack);
        } else {
            read(p.reader().get(), input, putBack, again);
        }
        if (again.failed() == 0) {
            restamp(withArticles(p.stamp(), all.size()));
        }
    }

    /** Deletes the articles of files no longer under the folder (not of folders it could not list). */
    private void removeGone(Map<String, FileOrigins.Known> known, Set<String> listed, List<String> unlisted) {
        for (Map.Entry<String, FileOrigins.Known> e : known.entrySet()) {
            String origin = e.getKey();
            if (listed.contains(origin) || unlisted.stream().anyMatch(origin::startsWith)) {
                continue;
            }
            afterWrites.add(() -> bulk.deleteFile(origin));
            deleting.add(Map.entry(origin, e.getValue().ids()));
        }
    }

    private static Prepared await(Future<Prepared> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private void accept(Article article) {
        if (checkCancelled()) {
            throw new Cancelled();
        }
        bulk.accept(article, reading);
        if (reading != null) {
            readingIds.add(article.id());
        }
        read++;
        progress(false);
        commitIfDue();
    }

    // The writer takes the commit while the indexing threads go on: it holds every change made
    // before it started (a file's recorded state only ever follows all of the file's articles) and
    // may hold some made while it runs. One at a time; the interval counts from a commit's start.
    private void commitIfDue() {
        if (committing != null && !committing.isDone()) {
            return;
        }
        awaitCommit();
        long now = System.nanoTime();
        if (now - lastCommit < options.commitInterval().toNanos()) {
            return;
        }
        if (!afterWrites.isEmpty()) {
            bulk.drain();
            try {
                runAfterWrites();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the index failed: see fail()
            }
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            commit.run(false);
            return null;
        });
        Thread t = new Thread(task, "lede-commit");
        t.setDaemon(true);
        t.start();
        committing = task;
        lastCommit = now;
    }

    /** Waits for a commit still running, so nothing of a failed ingest touches the index after it. */
    private void awaitQuietly(Throwable failure) {
        try {
            awaitCommit();
        } catch (RuntimeException | Error also) {
            if (also != failure) {
                failure.addSuppressed(also);
            }
        }
    }

    /** Waits for the commit taken while the ingest runs, if any, and throws what it failed with. */
    private void awaitCommit() {
        if (committing == null) {
            return;
        }
        FutureTask<Void> task = committing;
        committing = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the commit is not stopped half-way; the flag is kept
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io); // the index failed: see fail()
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
                            filesDone,
                            filesTotal,
                            read,
                            bulk.added(),
                            bulk.updated(),
                            bulk.unchanged() + unchangedInFiles));
        }
    }

    private IngestReport finish() throws IOException {
        try {
            bulk.finish();
        } catch (IOException | RuntimeException | Error e) {
            awaitQuietly(e);
            throw e;
        }
        try {
            awaitCommit();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the index failed
        }
        runAfterWrites();
        long deleted = 0;
        for (Map.Entry<String, Set<String>> d : deleting) {
            Set<String> taken = bulk.takenFrom(d.getKey());
            deleted += taken.isEmpty()
                    ? d.getValue().size()
                    : d.getValue().stream().filter(id -> !taken.contains(id)).count();
        }
        for (BulkIngest.Rejected r : bulk.rejected()) {
            report.failed("article " + r.id(), 0, "the index refused it: " + r.reason());
        }
        commit.run(true); // what was written is kept, also when cancelled
        progress(true);
        return new IngestReport(
                report.files(),
                unchangedFiles,
                bulk.added(),
                bulk.updated(),
                bulk.unchanged() + unchangedInFiles,
                deleted,
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
