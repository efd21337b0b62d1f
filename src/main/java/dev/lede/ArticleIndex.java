package dev.lede;

import dev.lede.article.Article;
import dev.lede.ingest.IngestReport;
import dev.lede.internal.ingest.ArticleReader;
import dev.lede.internal.ingest.InputFile;
import dev.lede.internal.ingest.Inputs;
import dev.lede.internal.ingest.ReportCollector;
import dev.lede.internal.query.ArticleSearcher;
import dev.lede.internal.schema.Schema;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A searchable collection of news articles, on disk or in memory: the one entry point of Lede.
 *
 * <pre>{@code
 * try (ArticleIndex index = ArticleIndex.open(Path.of("index-data/index"))) {
 *   index.ingest(Path.of("index-data/articles"));
 *   SearchResults results = index.search("sanctuary laws");
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> All methods may be called from several threads at once: searches run
 * concurrently with each other and with writes. One index folder has one writer: a second {@code
 * open} of the same folder, in this process or another, fails until the first is closed; {@link
 * #openReadOnly(Path)} has no such limit.
 *
 * <p><b>Durability and visibility.</b> {@link #commit()} is the durability point: after a crash
 * the index opens at its last commit. {@link #ingest(Path)} commits when it ends, and {@link
 * #close()} commits. Added articles become searchable at the next {@link #refresh()} or commit.
 */
public final class ArticleIndex implements AutoCloseable {
    // Debug only: a library stays quiet in its host's logs; the report carries what users need.
    private static final System.Logger LOG = System.getLogger(ArticleIndex.class.getName());

    private final Schema schema = new Schema();
    private final ArticleSearcher searcher = new ArticleSearcher(schema);
    private final Inputs inputs = new Inputs();
    private final Directory directory;
    private final String location;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;

    private ArticleIndex(Directory directory, String location, boolean readOnly) throws IOException {
        this.directory = directory;
        this.location = location;
        IndexWriter w = null;
        try {
            checkFormat(directory, location, readOnly);
            if (readOnly) {
                this.searchers = new SearcherManager(directory, null);
            } else {
                w = openWriter(directory, location);
                this.searchers = new SearcherManager(w, null);
            }
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                w.rollback();
            }
            directory.close();
            throw e;
        }
        this.writer = w;
    }

    /**
     * Opens the index in {@code folder} for reading and writing, creating it (and the folder) when
     * there is none yet.
     *
     * @throws IncompatibleIndexException if the folder holds another schema version or other files
     * @throws IOException if the folder cannot be used, or another writer holds it
     */
    public static ArticleIndex open(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        return new ArticleIndex(FSDirectory.open(folder), folder.toString(), false);
    }

    /**
     * Opens an existing index for searching only; write methods throw {@link
     * IllegalStateException}. Any number of readers may open the same folder, also while a writer
     * has it open; they see its last commit as of their last {@link #refresh()}.
     *
     * @throws NoSuchFileException if there is no index in {@code folder}
     */
    public static ArticleIndex openReadOnly(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no index here");
        }
        Directory dir = FSDirectory.open(folder);
        if (!DirectoryReader.indexExists(dir)) {
            dir.close();
            throw new NoSuchFileException(folder.toString(), null, "no index here");
        }
        return new ArticleIndex(dir, folder.toString(), true);
    }

    /** A new, empty index held in memory and gone when closed. */
    public static ArticleIndex inMemory() {
        try {
            return new ArticleIndex(new ByteBuffersDirectory(), "memory", false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an in-memory index", e);
        }
    }

    /** Whether {@code folder} holds an index (of any version). */
    public static boolean exists(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(folder)) {
            return DirectoryReader.indexExists(dir);
        }
    }

    /**
     * Ingests a file, or every supported file under a folder ({@code .txt} and {@code .jsonl}),
     * upserting by id, then commits and refreshes. Bad files and records are reported in the result
     * and everything else is indexed. A plain-text article's id is its path relative to {@code
     * path} (its name when {@code path} is a file), so the same file ingested through another folder
     * gets another id.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     * @throws IOException if the index cannot be written; the index stays at its last commit
     */
    public IngestReport ingest(Path path) throws IOException {
        requireWritable();
        long start = System.nanoTime();
        ReportCollector report = new ReportCollector();
        for (InputFile input : inputs.list(path)) {
            Optional<ArticleReader> reader = inputs.readerFor(input.path());
            if (reader.isEmpty()) {
                report.fileIgnored();
                continue;
            }
            report.fileRead();
            try {
                reader.get().read(input, article -> write(article, report), report);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the index, not the input, failed
            } catch (IOException e) {
                report.failed(input.name(), 0, "cannot read the file: " + e.getMessage());
            }
        }
        commit();
        IngestReport result = report.report(Duration.ofNanos(System.nanoTime() - start));
        LOG.log(System.Logger.Level.DEBUG, () -> "ingested " + path + " into " + location + ": " + result);
        return result;
    }

    private void write(Article article, ReportCollector report) {
        try {
            writer.updateDocument(schema.idTerm(article.id()), schema.toDocument(article));
            report.added();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds an article, replacing any with the same id. It becomes searchable at the next {@link
     * #refresh()} or {@link #commit()}, and durable at the next commit.
     */
    public void add(Article article) throws IOException {
        Objects.requireNonNull(article, "article");
        requireWritable();
        writer.updateDocument(schema.idTerm(article.id()), schema.toDocument(article));
    }

    /** Makes every change so far durable and searchable. */
    public void commit() throws IOException {
        requireWritable();
        writer.setLiveCommitData(
                Map.of(Schema.VERSION_KEY, Integer.toString(Schema.VERSION)).entrySet());
        writer.commit();
        refresh();
    }

    /** Makes changes so far searchable (not durable); a read-only index sees the latest commit. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Searches with the lenient syntax, top 10, default highlighting. Never throws for bad syntax. */
    public SearchResults search(String query) throws IOException {
        return search(SearchRequest.of(query));
    }

    /**
     * Runs a search.
     *
     * @throws dev.lede.query.QuerySyntaxException for malformed text in the strict syntax only
     */
    public SearchResults search(SearchRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        IndexSearcher s = searchers.acquire();
        try {
            return searcher.search(s, request);
        } finally {
            searchers.release(s);
        }
    }

    /** Searchable articles, as of the last refresh. */
    public long count() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /** Size and format figures. */
    public IndexStats stats() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (NoSuchFileException e) {
                    // merged away between listing and measuring
                }
            }
            int segments = s.getIndexReader().leaves().size();
            return new IndexStats(s.getIndexReader().numDocs(), segments, bytes, Schema.VERSION, location);
        } finally {
            searchers.release(s);
        }
    }

    /** Commits (unless read-only) and releases the folder. */
    @Override
    public void close() throws IOException {
        try (directory;
                searchers) {
            if (writer != null) {
                commit();
                writer.close();
            }
        }
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("index " + location + " was opened read-only");
        }
    }

    private static IndexWriter openWriter(Directory dir, String location) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new Schema().analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            throw new IOException(
                    "index " + location + " is already open for writing (one writer per index): close the other"
                            + " ArticleIndex or lede process first",
                    e);
        }
        if (!DirectoryReader.indexExists(dir)) {
            writer.setLiveCommitData(
                    Map.of(Schema.VERSION_KEY, Integer.toString(Schema.VERSION)).entrySet());
            writer.commit(); // record the schema version, and give readers a first commit to open
        }
        return writer;
    }

    private static void checkFormat(Directory dir, String location, boolean readOnly) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            try (Stream<String> files = Stream.of(dir.listAll())) {
                if (files.anyMatch(f -> !f.equals(IndexWriter.WRITE_LOCK_NAME))) {
                    throw new IncompatibleIndexException(
                            location + " is not a Lede index: the folder holds other files. Give an empty or new"
                                    + " folder for the index.");
                }
            }
            return;
        }
        String version = SegmentInfos.readLatestCommit(dir).getUserData().get(Schema.VERSION_KEY);
        if (version == null) {
            throw new IncompatibleIndexException(location + " holds a Lucene index that Lede did not build.");
        }
        if (!version.equals(Integer.toString(Schema.VERSION))) {
            throw new IncompatibleIndexException(
                    location + " was built with Lede schema version " + version + "; this Lede reads version "
                            + Schema.VERSION + ". Delete the folder and index the articles again.");
        }
    }
}
