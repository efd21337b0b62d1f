package dev.lede.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How often {@link BoundedSearcher} looks at its limit: slices that keep growing from one segment to
 * the next, one look for a segment where the query matches few articles, and the same hits as an
 * unbounded search when the limit never says stop.
 */
class BoundedSearcherTest {
    private static final int SEGMENTS = 3;
    private static final int PER_SEGMENT = 70_000; // more than a largest slice, less than two
    private static final BM25Similarity SIMILARITY = new BM25Similarity();

    private Directory dir;
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (int s = 0; s < SEGMENTS; s++) {
                for (int i = 0; i < PER_SEGMENT; i++) {
                    // Every article has "harbor" (some twice, for varied scores); every other one "berth";
                    // every 1,000th has "pier", the last one near its segment's end.
                    String text = "harbor " + (i % 7 == 0 ? "harbor " : "") + (i % 2 == 0 ? "berth " : "")
                            + (i % 1_000 == 999 ? "pier" : "quay");
                    Document d = new Document();
                    d.add(new TextField("body", text, Field.Store.NO));
                    w.addDocument(d);
                }
                w.commit();
            }
        }
        reader = DirectoryReader.open(dir);
        assertThat(reader.leaves()).hasSize(SEGMENTS);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    /** Never says stop; counts the looks. */
    private static QueryTimeout counting(AtomicInteger asked) {
        return () -> asked.incrementAndGet() < 0;
    }

    private TopDocs unbounded(String word) throws IOException {
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setSimilarity(SIMILARITY);
        return plain.search(new TermQuery(new Term("body", word)), 10);
    }

    private static int[] docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    @Test
    void aQueryMatchingEveryArticle_isSlicedInSlicesThatKeepGrowingAcrossSegments() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        BoundedSearcher searcher = new BoundedSearcher(reader, SIMILARITY, counting(asked));

        // Every hit counted, so no block of documents is skipped and the slices are as below.
        TopDocs top = searcher.search(
                new TermQuery(new Term("body", "harbor")),
                new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE));

        // Segment 1: slices of 4,096, 8,192, 16,384, 32,768 and 65,536 documents (the last one
        // covering its other 8,560); segments 2 and 3: 65,536 and the other 4,464 each.
        // Restarting at 4,096 in every segment would look 15 times.
        assertThat(asked).hasValue(9);
        assertThat(searcher.timedOut()).isFalse();
        assertThat(docs(top)).isEqualTo(docs(unbounded("harbor")));
        assertThat(top.totalHits).isEqualTo(new TotalHits(SEGMENTS * PER_SEGMENT, TotalHits.Relation.EQUAL_TO));
    }

    @Test
    void aSegmentWhereTheQueryMatchesFewArticles_isScoredWholeAfterOneLook() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        BoundedSearcher searcher = new BoundedSearcher(reader, SIMILARITY, counting(asked));

        TopDocs top = searcher.search(new TermQuery(new Term("body", "pier")), 10);

        assertThat(asked).hasValue(SEGMENTS);
        assertThat(top.totalHits.value()).isEqualTo(210);
        assertThat(docs(top)).isEqualTo(docs(unbounded("pier")));
    }

    @Test
    void aSegmentWhereTheQueryMatchesNoMoreArticlesThanALargestSlice_isScoredWholeAfterOneLook() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        BoundedSearcher searcher = new BoundedSearcher(reader, SIMILARITY, counting(asked));

        TopDocs top = searcher.search(new TermQuery(new Term("body", "berth")), 10);

        // 35,000 articles a segment: more than a first slice, fewer than a largest one.
        assertThat(asked).hasValue(SEGMENTS);
        assertThat(searcher.timedOut()).isFalse();
        assertThat(docs(top)).isEqualTo(docs(unbounded("berth")));
    }

    @Test
    void aLimitReachedBetweenSegments_keepsTheHitsOfTheSegmentsScored() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        BoundedSearcher searcher = new BoundedSearcher(reader, SIMILARITY, () -> asked.incrementAndGet() > 1);

        TopDocs top = searcher.search(new TermQuery(new Term("body", "pier")), 10);

        assertThat(searcher.timedOut()).isTrue();
        assertThat(top.totalHits.value()).isEqualTo(70); // the first segment's
        assertThat(top.scoreDocs).extracting((ScoreDoc d) -> d.doc).allMatch(doc -> doc < PER_SEGMENT);
    }
}
