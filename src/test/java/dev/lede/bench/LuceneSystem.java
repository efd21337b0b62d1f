package dev.lede.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
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
 * <p>Not in the baseline: Lede's content hash (binary doc values, and the look-up that skips
 * unchanged articles). A later run should report it as its own line.
 */
final class LuceneSystem implements SearchSystem {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    private static final float TITLE_WEIGHT = 0.5f;
    private static final FieldType TEXT = textWithOffsets();

    private final int threads;
    private final BM25Similarity similarity = new BM25Similarity(1.2f, 0.6f);
    private final Analyzer analyzer = new NewsText();
    private final QueryBuilder queries = new QueryBuilder(analyzer);
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private UnifiedHighlighter highlighter;

    LuceneSystem(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public void ingest(Path folder, Iterable<BenchDoc> articles) throws IOException {
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, writerConfig());
        feed(articles.iterator());
        writer.commit();
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                return s;
            }
        });
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

    private void feed(Iterator<BenchDoc> docs) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        try {
                            for (BenchDoc d = next(docs); d != null && failure.get() == null; d = next(docs)) {
                                writer.updateDocument(new Term(ID, d.id()), document(d));
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

    private static BenchDoc next(Iterator<BenchDoc> docs) {
        synchronized (docs) {
            return docs.hasNext() ? docs.next() : null;
        }
    }

    static Document document(BenchDoc d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new Field(TITLE, d.title(), TEXT));
        doc.add(new Field(BODY, d.body(), TEXT));
        return doc;
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
