package dev.lede;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.internal.ingest.InputFile;
import dev.lede.internal.ingest.JsonlArticleReader;
import dev.lede.internal.ingest.ReportCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The ingesting side of {@link CrashResumeTest}, run in its own JVM and killed with SIGKILL at a
 * moment the test picks: opens (or creates) the index in {@code args[0]} and ingests the JSONL file
 * {@code args[2]}, committing every {@code args[4]} milliseconds, in one of two ways ({@code
 * args[1]}):
 *
 * <ul>
 *   <li>{@code chunks}: the file's articles, as they are read, in chunks of {@code args[3]}
 *       through {@link ArticleIndex#addAll(Iterable, IngestOptions)}, which commits at its end;
 *       prints {@code committed K} after chunk K;
 *   <li>{@code file}: the file at once through {@link ArticleIndex#ingest(Path, IngestOptions)}.
 * </ul>
 *
 * <p>Then it closes the index, which commits. {@code args[5]}, {@code POINT#N} or {@code none#0},
 * makes it kill itself at an exact point of Lucene's work (see {@link CommitWatch}). It tells the test where it is, one line at a time:
 * {@code opened}, {@code chunk K}, {@code ingesting}, {@code closing}, {@code closed}; and, from a
 * directory that watches Lucene's files, {@code commit-start} when a commit begins writing its
 * {@code pending_segments_N}, {@code durable N DOCS} once {@code segments_N} (with DOCS live
 * articles) is renamed into place and the folder synced, and {@code merging} / {@code merged} when
 * the first merge output opens and the last one closes.
 */
public final class CrashIngestProcess {
    private CrashIngestProcess() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        String mode = args[1];
        Path file = Path.of(args[2]);
        int chunkSize = Integer.parseInt(args[3]);
        IngestOptions options = IngestOptions.defaults().commitInterval(Duration.ofMillis(Long.parseLong(args[4])));
        String[] selfKill = args[5].split("#");
        say("started");
        Files.createDirectories(folder);
        ArticleIndex index = ArticleIndex.open(
                new CommitWatch(FSDirectory.open(folder), selfKill[0], Integer.parseInt(selfKill[1])),
                folder.toString(),
                IndexConfig.defaults().refreshInterval(Duration.ZERO));
        say("opened");
        if (mode.equals("chunks")) {
            ingestInChunks(index, file, chunkSize, options);
        } else {
            say("ingesting");
            index.ingest(file, options);
        }
        say("closing");
        index.close();
        say("closed");
    }

    /** Hands the file's articles to {@code addAll} in chunks, as they are read. */
    private static void ingestInChunks(ArticleIndex index, Path file, int chunkSize, IngestOptions options)
            throws IOException {
        List<Article> chunk = new ArrayList<>();
        int[] number = {0};
        Consumer<Article> sink = article -> {
            chunk.add(article);
            if (chunk.size() == chunkSize) {
                addChunk(index, chunk, ++number[0], options);
            }
        };
        new JsonlArticleReader().read(input(file), sink, new ReportCollector());
        if (!chunk.isEmpty()) {
            addChunk(index, chunk, ++number[0], options);
        }
    }

    private static void addChunk(ArticleIndex index, List<Article> chunk, int number, IngestOptions options) {
        say("chunk " + number);
        try {
            index.addAll(chunk, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk.clear();
        say("committed " + number);
    }

    private static InputFile input(Path file) {
        return new InputFile(file, file.getFileName().toString());
    }

    /** The file's valid articles in file order, as {@code ingest} reads them. */
    static List<Article> read(Path file) throws IOException {
        List<Article> articles = new ArrayList<>();
        new JsonlArticleReader().read(input(file), articles::add, new ReportCollector());
        return articles;
    }

    /**
     * SIGKILLs this process from the thread that is writing, so the kill lands exactly at that point
     * of Lucene's work; the parent's kills land wherever they happen to.
     */
    private static void killSelf(String where) {
        say("self-kill " + where);
        try {
            new ProcessBuilder(
                            "kill",
                            "-KILL",
                            Long.toString(ProcessHandle.current().pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            Thread.sleep(10_000);
        } catch (IOException | InterruptedException e) {
            say("self-kill failed: " + e);
        }
        Runtime.getRuntime().halt(99); // kill did not work: the parent sees an unexpected exit
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * Reports commits and merges as Lucene writes them, and changes nothing; kills the process at
     * the nth occurrence of {@code killAt}, when it is one of these points: {@code commit-written}
     * (a commit's {@code pending_segments_N} written, not yet synced or renamed), {@code
     * commit-renamed} (renamed to {@code segments_N}, the folder not yet synced), {@code
     * merge-written} (a merged segment's file written, the merge not finished).
     */
    private static final class CommitWatch extends FilterDirectory {
        private final AtomicInteger mergeOutputs = new AtomicInteger();
        private final String killAt;
        private final AtomicInteger countdown;
        private volatile String renamedCommit;

        CommitWatch(FSDirectory in, String killAt, int nth) {
            super(in);
            this.killAt = killAt;
            this.countdown = new AtomicInteger(nth);
        }

        private void maybeKill(String point) {
            if (point.equals(killAt) && countdown.decrementAndGet() == 0) {
                killSelf(point);
            }
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            boolean commit = name.startsWith(IndexFileNames.PENDING_SEGMENTS);
            boolean merge = context.context() == IOContext.Context.MERGE;
            if (commit) {
                say("commit-start");
            } else if (merge && mergeOutputs.getAndIncrement() == 0) {
                say("merging");
            }
            IndexOutput out = super.createOutput(name, context);
            if (!commit && !merge) {
                return out;
            }
            return new FilterIndexOutput("watch", name, out) {
                @Override
                public void close() throws IOException {
                    super.close();
                    if (commit) {
                        maybeKill("commit-written");
                    } else {
                        maybeKill("merge-written");
                        if (mergeOutputs.decrementAndGet() == 0) {
                            say("merged");
                        }
                    }
                }
            };
        }

        @Override
        public void rename(String source, String dest) throws IOException {
            super.rename(source, dest);
            if (dest.startsWith(IndexFileNames.SEGMENTS)) {
                renamedCommit = dest;
                maybeKill("commit-renamed");
            }
        }

        // Lucene syncs the folder right after renaming pending_segments_N: the commit is durable now.
        @Override
        public void syncMetaData() throws IOException {
            super.syncMetaData();
            String commit = renamedCommit;
            if (commit != null) {
                renamedCommit = null;
                SegmentInfos infos = SegmentInfos.readCommit(in, commit);
                long docs = 0;
                for (SegmentCommitInfo info : infos) {
                    docs += info.info.maxDoc() - info.getDelCount() - info.getSoftDelCount();
                }
                say("durable " + infos.getGeneration() + " " + docs);
            }
        }
    }
}
