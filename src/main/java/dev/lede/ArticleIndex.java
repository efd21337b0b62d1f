package dev.lede;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import dev.lede.internal.index.IndexFolder;
import dev.lede.internal.index.IndexRebuild;
import dev.lede.internal.index.IngestRun;
import dev.lede.internal.ingest.Inputs;
import dev.lede.internal.query.ArticleSearcher;
import dev.lede.internal.query.RelatedArticles;
import dev.lede.internal.query.TitleSuggester;
import dev.lede.internal.schema.Schema;
import dev.lede.internal.schema.Synonyms;
import dev.lede.query.RelatedArticle;
import dev.lede.query.RelatedRequest;
import dev.lede.query.ScoreExplanation;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.TitleSuggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;

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
 * #openReadOnly(Path)} takes no lock, so readers work beside a writer in another process.
 *
 * <p><b>Durability and visibility.</b> {@link #commit()} is the durability point: after a crash
 * the index opens at its last commit. Every ingest commits when it ends, and {@link #close()}
 * commits. Changes become searchable at the next refresh: {@link #refresh()}, a commit, or the
 * automatic refresh every {@link IndexConfig#refreshInterval()} (1 second by default), which pauses
 * while a bulk ingest runs: what an ingest writes becomes searchable when it ends (its commits
 * while it runs make it durable only), or at a {@link #refresh()} the application calls. A
 * read-only index sees another process's commits at its refreshes.
 */
public final class ArticleIndex implements AutoCloseable {
    /** The most titles {@link #suggest(String, int)} returns at once. */
    public static final int MAX_SUGGESTIONS = 100;

    // Debug only: a library stays quiet in its host's logs; the report carries what users need.
    private static final System.Logger LOG = System.getLogger(ArticleIndex.class.getName());

    private final Schema schema;
    private final ArticleSearcher searcher;
    private final TitleSuggester titles;
    private final RelatedArticles related;
    private final Directory directory;
    private final String location;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher; // null when refresh is manual
    // Ingests under way: the timed refresh pauses meanwhile, since refreshing a writer flushes a
    // segment each time and slows a bulk ingest several-fold; the ingest refreshes when it ends.
    private final AtomicInteger ingests = new AtomicInteger();

    private ArticleIndex(Directory directory, String location, boolean readOnly, IndexConfig config)
            throws IOException {
        this.directory = directory;
        this.location = location;
        IndexWriter w = null;
        try {
            IndexFolder.check(directory, location);
            SynonymMap synonyms = config.synonyms() == null ? null : Synonyms.read(config.synonyms());
            Schema s;
            if (readOnly) {
                s = new Schema(
                        synonyms,
                        DirectoryReader.indexExists(directory)
                                ? IndexFolder.features(directory, location)
                                : config.features());
            } else {
                // The writer's analyzer and similarity are the same whatever the features, which
                // are read once it holds the folder's lock: another process may have created or
                // rebuilt the index since the check above, never after. A new index is created
                // with the configured ones.
                Schema configured = new Schema(synonyms, config.features());
                w = IndexFolder.openWriter(directory, location, configured, config.ramBufferMb());
                IndexFolder.check(directory, location);
                Set<IndexFeature> features = IndexFolder.features(directory, location);
                s = features.equals(configured.features()) ? configured : new Schema(synonyms, features);
            }
            this.schema = s;
            this.searcher = new ArticleSearcher(schema);
            this.titles = new TitleSuggester(schema);
            this.related = new RelatedArticles(schema);
            this.searchers = readOnly
                    ? new SearcherManager(directory, schema.searcherFactory())
                    : new SearcherManager(w, schema.searcherFactory());
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                w.rollback();
            }
            directory.close();
            throw e;
        }
        this.writer = w;
        this.refresher = config.refreshInterval().isZero() ? null : startRefresher(config);
    }

    /** Opens (or creates) the index in {@code folder} for reading and writing, with default settings. */
    public static ArticleIndex open(Path folder) throws IOException {
        return open(folder, IndexConfig.defaults());
    }

    /**
     * Opens the index in {@code folder} for reading and writing, creating it (and the folder) when
     * there is none yet.
     *
     * @throws IncompatibleIndexException if the folder holds another schema version or other files
     * @throws IOException if the folder cannot be used, or another writer holds it
     */
    public static ArticleIndex open(Path folder, IndexConfig config) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(config, "config");
        IndexRebuild.checkNotInterrupted(folder);
        Files.createDirectories(folder);
        return new ArticleIndex(FSDirectory.open(folder), folder.toString(), false, config);
    }

    /** Opens an existing index for searching only, with default settings. */
    public static ArticleIndex openReadOnly(Path folder) throws IOException {
        return openReadOnly(folder, IndexConfig.defaults());
    }

    /**
     * Opens an existing index for searching only; write methods throw {@link
     * IllegalStateException}. It takes no lock: any number of readers may open a folder, also
     * while a writer (in this process or another) has it open.
     *
     * @throws NoSuchFileException if there is no index in {@code folder}
     */
    public static ArticleIndex openReadOnly(Path folder, IndexConfig config) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (!exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no index here");
        }
        return new ArticleIndex(FSDirectory.open(folder), folder.toString(), true, config);
    }

    /**
     * For tests: the index in any Lucene directory (a fault-injecting one, say), opened for reading
     * and writing. The index takes ownership of {@code directory} and closes it.
     */
    static ArticleIndex open(Directory directory, String location, IndexConfig config) throws IOException {
        return new ArticleIndex(directory, location, false, config);
    }

    /** A new, empty index held in memory and gone when closed. */
    public static ArticleIndex inMemory() {
        return inMemory(IndexConfig.defaults());
    }

    /**
     * A new, empty in-memory index with the given settings.
     *
     * @throws UncheckedIOException if the synonyms file cannot be read
     */
    public static ArticleIndex inMemory(IndexConfig config) {
        try {
            return new ArticleIndex(new ByteBuffersDirectory(), "memory", false, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e); // only a synonyms file can fail here
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
     * Rebuilds the index in {@code folder} with this version's schema, from the articles it stores
     * (whatever schema version built it), with the features it has. The new index is built beside
     * the old one, which is replaced only when the new one is complete; nothing else may have the
     * folder open meanwhile.
     *
     * @return what was written; every article is "added" to the new index
     * @throws NoSuchFileException if there is no index in {@code folder}
     */
    public static IngestReport rebuild(Path folder) throws IOException {
        return rebuildWith(folder, null);
    }

    /**
     * Rebuilds the index in {@code folder} like {@link #rebuild(Path)}, with {@code features}
     * instead of the ones it has: an index with more features gets their fields for every article
     * it stores.
     */
    public static IngestReport rebuild(Path folder, Set<IndexFeature> features) throws IOException {
        return rebuildWith(folder, Objects.requireNonNull(features, "features"));
    }

    // features null: the index's own
    private static IngestReport rebuildWith(Path folder, Set<IndexFeature> features) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (!exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no index here");
        }
        Path staging = IndexRebuild.staging(folder);
        IngestReport[] report = new IngestReport[1];
        // Hold the folder's write lock throughout, so no writer can change it under the rebuild.
        try (Directory dir = FSDirectory.open(folder);
                Lock lock = IndexFolder.lock(dir, folder.toString())) {
            lock.ensureValid();
            IndexFolder.writeOwner(dir);
            IndexRebuild.deleteTree(staging);
            Set<IndexFeature> built = features != null ? features : IndexFolder.features(dir, folder.toString());
            try (ArticleIndex target = open(
                    staging,
                    IndexConfig.defaults().refreshInterval(Duration.ZERO).features(built))) {
                IndexRebuild.readStored(
                        folder,
                        target.schema,
                        articles -> report[0] = target.addAll(articles, IngestOptions.defaults()));
            } catch (IOException | RuntimeException e) {
                IndexRebuild.deleteTree(staging);
                throw e;
            }
            IndexRebuild.swap(folder, staging);
        }
        IndexRebuild.deleteTree(IndexRebuild.previous(folder));
        return report[0];
    }

    /** Ingests a file or folder with default options; see {@link #ingest(Path, IngestOptions)}. */
    public IngestReport ingest(Path path) throws IOException {
        return ingest(path, IngestOptions.defaults());
    }

    /**
     * Ingests a file, or every supported file under a folder ({@code .txt}, {@code .md}, {@code
     * .json}, {@code .jsonl}, {@code .html}, {@code .htm}, {@code .rss}, {@code .atom}, {@code
     * .xml} feeds), on all cores, upserting by id and skipping articles identical to their indexed
     * version; commits every {@link IngestOptions#commitInterval()} meanwhile (so a crashed
     * ingest, run again, skips what was committed) and when done, then refreshes. Bad files and
     * records are reported and everything else is indexed. A plain-text article's id is its path
     * relative to {@code path} (its name when {@code path} is a file).
     *
     * <p>Ingesting a folder again syncs the index with it: files the index holds as they are (same
     * size and modification time, or same bytes) are not read again, and the articles of files
     * gone from the folder, or no longer in a changed file, are deleted (see {@link
     * IngestReport#unchangedFiles()} and {@link IngestReport#deleted()}). Articles from the API or
     * from other folders are never touched.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     * @throws IOException if the index cannot be written; what was committed before stays
     */
    public IngestReport ingest(Path path, IngestOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        requireWritable();
        IngestReport report;
        ingests.incrementAndGet();
        try {
            report = new IngestRun(writer, schema, options, this::ingestCommit).files(Inputs.standard(), path);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        } finally {
            ingests.decrementAndGet();
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "ingested " + path + " into " + location + ": " + report);
        return report;
    }

    /** Ingests the application's own articles with default options. */
    public IngestReport addAll(Iterable<Article> articles) throws IOException {
        return addAll(articles.iterator(), IngestOptions.defaults());
    }

    /** Ingests the application's own articles with default options. */
    public IngestReport addAll(Stream<Article> articles) throws IOException {
        return addAll(articles.iterator(), IngestOptions.defaults());
    }

    /**
     * Ingests the application's own articles like {@link #ingest(Path, IngestOptions)}: on all
     * cores, upserting by id, skipping unchanged ones, then committing.
     */
    public IngestReport addAll(Iterable<Article> articles, IngestOptions options) throws IOException {
        return addAll(articles.iterator(), options);
    }

    private IngestReport addAll(java.util.Iterator<Article> articles, IngestOptions options) throws IOException {
        requireWritable();
        ingests.incrementAndGet();
        try {
            return new IngestRun(writer, schema, options, this::ingestCommit).articles(articles);
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        } finally {
            ingests.decrementAndGet();
        }
    }

    /**
     * Adds an article, replacing any with the same id. It becomes searchable at the next refresh,
     * and durable at the next commit.
     */
    public void add(Article article) throws IOException {
        Objects.requireNonNull(article, "article");
        requireWritable();
        try {
            writer.updateDocument(schema.idTerm(article.id()), schema.toDocument(article));
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    /**
     * Deletes the article with {@code id}, effective at the next refresh and durable at the next
     * commit.
     *
     * @return whether an article with that id was searchable before the delete
     */
    public boolean delete(String id) throws IOException {
        Objects.requireNonNull(id, "id");
        return !delete(List.of(id)).isEmpty();
    }

    /**
     * Deletes the articles with these ids, effective at the next refresh and durable at the next
     * commit. One call for many ids costs one refresh, where a {@link #delete(String)} per id
     * refreshes each time (every refresh after a change opens a new reader).
     *
     * @return the ids that had a searchable article before the delete, in the order given, each once
     */
    public Set<String> delete(Collection<String> ids) throws IOException {
        Objects.requireNonNull(ids, "ids");
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            distinct.add(Objects.requireNonNull(id, "an id in ids"));
        }
        requireWritable();
        if (distinct.isEmpty()) {
            return Set.of();
        }
        refresh();
        Set<String> existed = new LinkedHashSet<>();
        IndexSearcher s = searchers.acquire();
        try {
            for (String id : distinct) {
                if (s.count(new TermQuery(schema.idTerm(id))) > 0) {
                    existed.add(id);
                }
            }
        } finally {
            searchers.release(s);
        }
        try {
            writer.deleteDocuments(distinct.stream().map(schema::idTerm).toArray(Term[]::new));
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
        return Collections.unmodifiableSet(existed);
    }

    /** The searchable article with {@code id}, as of the last refresh. */
    public Optional<Article> get(String id) throws IOException {
        Objects.requireNonNull(id, "id");
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(schema.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(schema.toArticle(s.storedFields().document(top.scoreDocs[0].doc)));
        } finally {
            searchers.release(s);
        }
    }

    /** Makes every change so far durable and searchable. */
    public void commit() throws IOException {
        requireWritable();
        commitWriter();
        refresh();
    }

    /** An ingest's commit: searchable too only at its end (see {@link IngestRun}). */
    private void ingestCommit(boolean refresh) throws IOException {
        if (refresh) {
            commit();
        } else {
            requireWritable();
            commitWriter();
        }
    }

    private void commitWriter() throws IOException {
        try {
            writer.setLiveCommitData(IndexFolder.commitData(schema.features()).entrySet());
            writer.commit();
        } catch (AlreadyClosedException e) {
            throw stoppedWriting(e);
        }
    }

    /** Makes changes so far searchable (not durable); a read-only index sees the latest commit. */
    public void refresh() throws IOException {
        try {
            searchers.maybeRefreshBlocking();
        } catch (AlreadyClosedException e) {
            if (writer == null) {
                throw e;
            }
            throw stoppedWriting(e);
        }
    }

    /** Searches with the lenient syntax, top 10, default highlighting. Never throws for bad syntax. */
    public SearchResults search(String query) throws IOException {
        return search(SearchRequest.of(query));
    }

    /**
     * Titles for a search box as the user types, best first: every typed word must be a word of the
     * title, and the last one, unless followed by a space, only its beginning, anywhere in the title
     * ({@code sanc} finds "Council debates sanctuary laws", {@code new york ma} "Mayor of New York
     * makes..."). Matching ignores case and accents; the typed parts are marked in the returned
     * titles. Titles starting with the first typed word come first, then the newest; repeated titles
     * (syndicated copies) are offered once. Each word is one term lookup in the main index, so a
     * one-letter prefix costs no more than a word, and the suggestions always agree with the index,
     * after a crash too.
     *
     * @param prefix what has been typed; blank or punctuation only gives no titles
     * @param n how many titles, 1 to {@value #MAX_SUGGESTIONS}
     * @throws IllegalStateException if the index was built without {@link
     *     IndexFeature#TITLE_SUGGESTIONS}
     */
    public List<TitleSuggestion> suggest(String prefix, int n) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        if (n < 1 || n > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("n must be 1 to " + MAX_SUGGESTIONS + ", not " + n);
        }
        requireFeature(IndexFeature.TITLE_SUGGESTIONS, "suggest titles");
        IndexSearcher s = searchers.acquire();
        try {
            return titles.suggest(s, prefix, n);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Runs a search on the articles searchable as of the last refresh.
     *
     * @throws dev.lede.query.QuerySyntaxException for malformed text in the strict syntax only
     * @throws IllegalStateException if the request collapses near-duplicates and the index was
     *     built without {@link IndexFeature#DUPLICATES}
     */
    public SearchResults search(SearchRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        if (request.collapse().enabled()) {
            requireFeature(IndexFeature.DUPLICATES, "collapse near-duplicates");
        }
        IndexSearcher s = searchers.acquire();
        try {
            return searcher.search(s, request);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Why the article with {@code id} scores what it does for {@code request}: per field and term
     * BM25 parts, field weights, the recency factor. Empty when there is no such article. The
     * request's {@link SearchRequest#collapse() collapse} plays no part (folding never changes a
     * score), so it works alike on an index with or without {@link IndexFeature#DUPLICATES}.
     */
    public Optional<ScoreExplanation> explain(SearchRequest request, String id) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(id, "id");
        IndexSearcher s = searchers.acquire();
        try {
            return searcher.explain(s, request, id);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * The {@code n} articles most like the one with {@code id} (see {@link #related(RelatedRequest)}).
     *
     * @throws java.util.NoSuchElementException if there is no article with {@code id}
     */
    public List<RelatedArticle> related(String id, int n) throws IOException {
        return related(RelatedRequest.of(id).size(n));
    }

    /**
     * The articles most like one article, best first: Lucene's MoreLikeThis over title and body,
     * as of the last refresh, leaving out the article itself and its near-duplicates, and showing
     * one copy of any other story; on an index built without {@link IndexFeature#DUPLICATES}, the
     * article itself only (copies of its story are listed like any related article).
     *
     * @throws java.util.NoSuchElementException if there is no article with the request's id
     * @throws IllegalArgumentException if the request limits dates and the article has no date
     */
    public List<RelatedArticle> related(RelatedRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        IndexSearcher s = searchers.acquire();
        try {
            return related.related(s, request);
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

    /** The optional parts this index was built with (see {@link IndexFeature}). */
    public Set<IndexFeature> features() {
        return schema.features();
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
            return new IndexStats(
                    s.getIndexReader().numDocs(),
                    segments,
                    bytes,
                    Schema.version(schema.features()),
                    schema.features(),
                    location);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Commits (unless read-only) and releases the folder. When the commit fails, the folder is
     * released all the same, holding its last commit, and the failure is thrown.
     */
    @Override
    public void close() throws IOException {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        try (directory;
                searchers) {
            if (writer != null) {
                closeWriter();
            }
        }
    }

    private void closeWriter() throws IOException {
        try {
            commitWriter(); // no refresh: nothing will search this index again
            IndexFolder.clearOwner(directory); // while the lock is still ours
        } catch (IOException | RuntimeException | Error e) {
            // Without this rollback the writer would keep the write lock until the process exits.
            try {
                writer.rollback();
            } catch (IOException | RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        writer.close();
    }

    /**
     * After an I/O error in a flush or merge, Lucene's writer closes itself (a "tragic" exception)
     * and every later write says only that it is closed: name the error instead.
     */
    private IOException stoppedWriting(AlreadyClosedException e) {
        Throwable cause = writer.getTragicException();
        if (cause == null) {
            throw e; // closed by the application: a programmer error
        }
        return new IOException(
                "index " + location + " stopped writing after an I/O error (" + cause
                        + "); it holds its last commit: close it and open it again",
                cause);
    }

    private ScheduledExecutorService startRefresher(IndexConfig config) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lede-refresh " + location);
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, config.refreshInterval().toMillis());
        s.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return s;
    }

    private void refreshQuietly() {
        if (ingests.get() > 0) {
            return;
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // The next refresh, search or commit reports a real problem; this one must not kill the timer.
            LOG.log(System.Logger.Level.DEBUG, "automatic refresh of " + location + " failed", e);
        }
    }

    private void requireFeature(IndexFeature feature, String task) {
        if (!schema.has(feature)) {
            throw new IllegalStateException("index " + location + " was built without " + feature.label()
                    + " (IndexFeature." + feature + "), so it cannot " + task + "; its features: "
                    + IndexFeature.labels(schema.features())
                    + (directory instanceof ByteBuffersDirectory
                            ? ". Create the in-memory index with it: ArticleIndex.inMemory(IndexConfig.defaults()"
                                    + ".features(...))."
                            : ". Rebuild it with the feature to add it: ArticleIndex.rebuild(folder, features), or"
                                    + " 'lede reindex --index " + location + " --features ...'."));
        }
    }

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("index " + location + " was opened read-only");
        }
    }
}
