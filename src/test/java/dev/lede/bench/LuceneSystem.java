package dev.lede.bench;

import dev.lede.internal.schema.BodyFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Raw Lucene written by hand the best-practice way, doing the index work of Lede's default schema
 * for an article with an id, a title and a body: the same analysis chain (written out here, not
 * borrowed from Lede), id as an exact stored term plus sorted doc values, title and body stored
 * with offsets in postings, upsert by id, BM25 (k1 1.2, b 0.6), title^0.5 + body. One IndexWriter
 * fed from all indexing threads with the same RAM buffer Lede picks, one commit at the end, a
 * SearcherManager, and a default UnifiedHighlighter over the returned page.
 *
 * <p>As {@code lucene} it also does the work Lede's search features add to every article, each
 * field analysed on its own the usual way (a per-field analyzer): a content hash (SHA-256 of the
 * article, 16 bytes of binary doc values), the unstemmed words of title and body but those with a
 * digit (spelling), the title's words, their 1-20 character prefixes and the first word's
 * (autocomplete), and the body's near-duplicate fingerprint (Lede's MinHash function, the one
 * part not written out here: an algorithm, not Lucene work) as binary doc values and band points.
 * As {@code lucene-plain} it indexes id, title and body only, so the two lines show what those
 * features cost in Lucene. {@link #reingest} skips unchanged articles the usual way (see there).
 */
final class LuceneSystem implements SearchSystem {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String HASH = "hash";
    static final String WORDS = "words";
    static final String TITLE_WORDS = "title.words";
    static final String TITLE_PREFIX = "title.prefix";
    static final String TITLE_LEAD = "title.lead";
    static final String FINGERPRINT = "dup.fingerprint";
    static final String BANDS = "dup.band";
    private static final float TITLE_WEIGHT = 0.5f;
    private static final FieldType TEXT = textWithOffsets();
    private static final FieldType WORD_TERMS = docsOnly();

    private final int threads;
    private final boolean features;
    private final BM25Similarity similarity = new BM25Similarity(1.2f, 0.6f);
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(
            new NewsText(),
            Map.of(
                    WORDS, new Words(false, false, true),
                    TITLE_WORDS, new Words(false, false, false),
                    TITLE_PREFIX, new Words(true, false, false),
                    TITLE_LEAD, new Words(true, true, false)));
    private final QueryBuilder queries = new QueryBuilder(analyzer);
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private UnifiedHighlighter highlighter;

    LuceneSystem(int threads, boolean features) {
        this.threads = threads;
        this.features = features;
    }

    @Override
    public String name() {
        return features ? "lucene" : "lucene-plain";
    }

    @Override
    public void ingest(Path folder, Iterable<BenchDoc> articles) throws IOException {
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, writerConfig());
        feed(articles.iterator(), null);
        writer.commit();
        openSearchers();
    }

    @Override
    public void reopen(Path folder) throws IOException {
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, writerConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND));
        openSearchers();
    }

    private void openSearchers() throws IOException {
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                return s;
            }
        });
    }

    /**
     * What a hand-written sync does to skip what the index already has: each indexing thread looks
     * the id up in a reader opened when the sync starts and upserts only an article that changed,
     * telling by the content hash's doc values where the index has them ({@code lucene}), by the
     * stored title and body where it does not ({@code lucene-plain}).
     */
    @Override
    public void reingest(Iterable<BenchDoc> articles) throws IOException {
        try (DirectoryReader before = DirectoryReader.open(writer)) {
            feed(articles.iterator(), before);
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** The writer's document counts: {@code maxDoc} counts each version written, {@code numDocs} the live ones. */
    IndexWriter.DocStats docStats() {
        return writer.getDocStats();
    }

    /** A new writer's settings: a new index, this system's analyzer and BM25, commits only when asked. */
    IndexWriterConfig writerConfig() {
        // The RAM buffer Lede's IndexConfig.defaults() picks: an eighth of the heap, 16 to 512 MB.
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(Math.max(16, Math.min(512, heapMb / 8)))
                .setSimilarity(similarity)
                .setCommitOnClose(false);
    }

    /** Upserts every article on all threads; with {@code before}, not those it holds unchanged. */
    private void feed(Iterator<BenchDoc> docs, DirectoryReader before) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            Held held = before == null ? null : new Held(before);
                            for (BenchDoc d = next(docs); d != null && failure.get() == null; d = next(docs)) {
                                if (held == null) {
                                    writer.updateDocument(new Term(ID, d.id()), document(d, features));
                                    continue;
                                }
                                byte[] hash = features ? contentHash(d) : null; // computed once
                                if (!held.unchanged(d, hash)) {
                                    writer.updateDocument(new Term(ID, d.id()), document(d, features, hash));
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "lucene-ingest-" + (t + 1));
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw new IOException("indexing failed", failure.get());
        }
    }

    /** One thread's look-ups in a reader: whether it holds an article with the same title and body. */
    private static final class Held {
        private static final Set<String> TEXT_FIELDS = Set.of(TITLE, BODY);
        private final List<LeafReaderContext> leaves;
        private final TermsEnum[] ids;
        private final StoredFields[] stored;
        private PostingsEnum postings;

        Held(DirectoryReader reader) throws IOException {
            // An id has one live document: the largest segments first find it in fewer look-ups.
            this.leaves = reader.leaves().stream()
                    .sorted(Comparator.comparingInt(
                                    (LeafReaderContext c) -> c.reader().numDocs())
                            .reversed())
                    .toList();
            ids = new TermsEnum[leaves.size()];
            stored = new StoredFields[leaves.size()];
            for (int i = 0; i < leaves.size(); i++) {
                Terms terms = leaves.get(i).reader().terms(ID);
                ids[i] = terms == null ? null : terms.iterator();
                stored[i] = leaves.get(i).reader().storedFields();
            }
        }

        /** With the article's content {@code hash}, compared with the index's; without, by its text. */
        boolean unchanged(BenchDoc d, byte[] hash) throws IOException {
            BytesRef id = new BytesRef(d.id());
            for (int i = 0; i < leaves.size(); i++) {
                if (ids[i] == null || !ids[i].seekExact(id)) {
                    continue;
                }
                postings = ids[i].postings(postings, PostingsEnum.NONE);
                Bits live = leaves.get(i).reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        if (hash != null) {
                            // Doc values are read forwards: one instance per look-up.
                            BinaryDocValues hashes = leaves.get(i).reader().getBinaryDocValues(HASH);
                            return hashes != null
                                    && hashes.advanceExact(doc)
                                    && hashes.binaryValue().equals(new BytesRef(hash));
                        }
                        Document old = stored[i].document(doc, TEXT_FIELDS);
                        return d.title().equals(old.get(TITLE)) && d.body().equals(old.get(BODY));
                    }
                }
            }
            return false;
        }
    }

    private static BenchDoc next(Iterator<BenchDoc> docs) {
        synchronized (docs) {
            return docs.hasNext() ? docs.next() : null;
        }
    }

    static Document document(BenchDoc d, boolean features) {
        return document(d, features, null);
    }

    /** The document, with the content hash given when already computed ({@code null}: not yet). */
    static Document document(BenchDoc d, boolean features, byte[] hash) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new Field(TITLE, d.title(), TEXT));
        doc.add(new Field(BODY, d.body(), TEXT));
        if (features) {
            doc.add(new BinaryDocValuesField(HASH, new BytesRef(hash != null ? hash : contentHash(d))));
            doc.add(new Field(WORDS, d.title(), WORD_TERMS));
            doc.add(new Field(WORDS, d.body(), WORD_TERMS));
            doc.add(new Field(TITLE_WORDS, d.title(), WORD_TERMS));
            doc.add(new Field(TITLE_PREFIX, d.title(), WORD_TERMS));
            doc.add(new Field(TITLE_LEAD, d.title(), WORD_TERMS));
            BodyFingerprint f = BodyFingerprint.of(d.body());
            if (f != null) {
                doc.add(new BinaryDocValuesField(FINGERPRINT, new BytesRef(f.toBytes())));
                for (long key : f.bandKeys()) {
                    doc.add(new LongPoint(BANDS, key));
                }
            }
        }
        return doc;
    }

    static byte[] contentHash(BenchDoc d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String value : List.of(d.id(), d.title(), d.body())) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Lucene query: each word (or the phrase) in title^0.5 and body, scores added. */
    Query query(BenchQuery q) {
        if (q.kind() == BenchQuery.Kind.PHRASE) {
            return inFields(String.join(" ", q.words()));
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : q.words()) {
            all.add(inFields(word), q.kind() == BenchQuery.Kind.AND ? Occur.MUST : Occur.SHOULD);
        }
        return all.build();
    }

    private Query inFields(String text) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(queries.createPhraseQuery(TITLE, text), TITLE_WEIGHT), Occur.SHOULD)
                .add(queries.createPhraseQuery(BODY, text), Occur.SHOULD)
                .build();
    }

    @Override
    public List<String> search(BenchQuery q, boolean highlight) throws IOException {
        Query query = query(q);
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query, TOP);
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(TOP);
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(stored.document(hit.doc).get(ID)); // the whole article, as Lede loads it
            }
            if (highlight) {
                highlighter(searcher).highlightFields(new String[] {TITLE, BODY}, query, top, new int[] {1, 1});
            }
            return ids;
        } finally {
            searchers.release(searcher);
        }
    }

    // The index does not change while searching, so one highlighter (thread-safe) serves all.
    private synchronized UnifiedHighlighter highlighter(IndexSearcher searcher) {
        if (highlighter == null) {
            highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
        }
        return highlighter;
    }

    @Override
    public void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setTokenized(true);
        type.setStored(true);
        type.freeze();
        return type;
    }

    private static FieldType docsOnly() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /**
     * Unstemmed words (no stop words), or only those without a digit; or their 1-20 character
     * prefixes; or the first word's.
     */
    static final class Words extends Analyzer {
        private final boolean prefixes;
        private final boolean firstOnly;
        private final boolean digitFree;

        Words(boolean prefixes, boolean firstOnly, boolean digitFree) {
            this.prefixes = prefixes;
            this.firstOnly = firstOnly;
            this.digitFree = digitFree;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
            if (digitFree) { // the spelling vocabulary: words with a digit are never respelt
                CharTermAttribute term = result.addAttribute(CharTermAttribute.class);
                result = new FilteringTokenFilter(result) {
                    @Override
                    protected boolean accept() {
                        char[] chars = term.buffer();
                        int length = term.length();
                        for (int i = 0; i < length; ) {
                            int c = Character.codePointAt(chars, i, length);
                            if (Character.isDigit(c)) {
                                return false;
                            }
                            i += Character.charCount(c);
                        }
                        return true;
                    }
                };
            }
            if (firstOnly) {
                result = new LimitTokenCountFilter(result, 1);
            }
            if (prefixes) {
                result = new EdgeNGramTokenFilter(result, 1, 20, true);
            }
            return new TokenStreamComponents(source, result);
        }
    }

    /** The chain Lede's schema uses: word breaks, possessives, lowercase, folding, stop words, Porter. */
    static final class NewsText extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
