package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lede.article.Article;
import dev.lede.internal.schema.ContentHash;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/**
 * A bulk ingest over several indexing threads with a RAM budget it fills many times over: the
 * writer flushes segments as the budget fills, the indexing threads write the rest when they are
 * done, and every article, in its last version, is in the index.
 */
class BulkIngestTest {
    private static final int ARTICLES = 5_000;

    private final Schema schema = new Schema();

    private static Article article(int i, String version) {
        return Article.builder("a" + i)
                .title("Harbour report " + i + " " + version)
                .body("The harbour council met on day " + i + " and voted on berth " + (i * 31 % 977)
                        + ", the ferry timetable and the dredging of the outer channel.")
                .build();
    }

    /**
     * Ingests every article, with a second version of two in every 100: one 50 articles after the
     * first (its batch handed over by then), one 3 after (most often in the same batch).
     */
    private void ingest(Directory dir, int threads) throws IOException {
        try (IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 1)) {
            // The segments written stay apart (a merge finishing before the commit made it one).
            writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            BulkIngest bulk = new BulkIngest(writer, schema, threads);
            for (int i = 0; i < ARTICLES; i++) {
                bulk.accept(article(i, "first"));
                if (i % 100 == 99) {
                    bulk.accept(article(i - 50, "second"));
                }
                if (i % 100 == 9) {
                    bulk.accept(article(i - 3, "second"));
                }
            }
            bulk.finish();
            // The indexing threads wrote what they held in memory before finish() returned.
            assertThat(writer.numRamDocs()).isZero();
            writer.commit();
            assertThat(bulk.added()).isEqualTo(ARTICLES);
            assertThat(bulk.updated()).isEqualTo(2 * ARTICLES / 100);
        }
    }

    @Test
    void withTwoThreads_theWriterFlushesAsTheBudgetFills_andEveryArticleIsThereInItsLastVersion() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            ingest(dir, 2);

            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(ARTICLES);
                // More than the one segment per thread written at the end: the 1 MB budget filled.
                assertThat(reader.leaves().size()).isGreaterThan(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int i = 0; i < ARTICLES; i++) {
                    TopDocs found = searcher.search(new TermQuery(schema.idTerm("a" + i)), 2);
                    assertThat(found.scoreDocs).as("a%d", i).hasSize(1);
                    Article stored = schema.toArticle(searcher.storedFields().document(found.scoreDocs[0].doc));
                    String version = i % 100 == 49 || i % 100 == 6 ? "second" : "first";
                    assertThat(stored.title()).isEqualTo("Harbour report " + i + " " + version);
                }
            }
        }
    }

    @Test
    void withOneThread_theWriterFlushesOnItsOwn() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            ingest(dir, 1);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(ARTICLES);
                assertThat(reader.leaves().size()).isGreaterThan(1);
            }
        }
    }

    @Test
    void drain_writesTheArticlesThatWaitForAFullBatch_beforeItReturns() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 16)) {
            BulkIngest bulk = new BulkIngest(writer, schema, 2);
            int queued = BulkIngest.BATCH + 3; // one thread gets a full batch, at least one a partial one
            for (int i = 0; i < queued; i++) {
                bulk.accept(article(i, "first"));
            }
            bulk.drain();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.numDocs()).isEqualTo(queued);
            }
            bulk.accept(article(0, "second"));
            bulk.drain();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.numDocs()).isEqualTo(queued);
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs found = searcher.search(new TermQuery(schema.idTerm("a0")), 2);
                assertThat(schema.toArticle(searcher.storedFields().document(found.scoreDocs[0].doc))
                                .title())
                        .isEqualTo("Harbour report 0 second");
            }
            bulk.finish();
            assertThat(bulk.added()).isEqualTo(queued);
            assertThat(bulk.updated()).isEqualTo(1);
        }
    }

    @Test
    void indexedHashes_findTheLiveVersion_inTheLargeSegmentOrInASmallOne() throws IOException {
        // Segments are searched largest first. Here the large one is the second written: it holds
        // the live version of b0, whose old one is deleted in the small first segment, and the old
        // version of a1, deleted, whose live one is in the small last segment.
        Schema.FileStamp feed = new Schema.FileStamp("feed.jsonl", 1, 1, new byte[32], 1);
        Article b0Old = article(0, "old").toBuilder().id("b0").build();
        Article b0 = article(0, "new").toBuilder().id("b0").build();
        Article a1 = article(1, "second");
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 16)) {
            writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            writer.addDocument(schema.toDocument(b0Old));
            writer.addDocument(
                    schema.toDocument(article(0, "first").toBuilder().id("c0").build()));
            writer.commit();
            for (int i = 0; i < 50; i++) {
                writer.addDocument(schema.toDocument(article(i, "first")));
            }
            writer.updateDocument(schema.idTerm("b0"), schema.toDocument(b0, ContentHash.of(b0), feed));
            writer.commit();
            writer.updateDocument(schema.idTerm("a1"), schema.toDocument(a1));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves())
                        .extracting(c -> c.reader().numDocs())
                        .containsExactly(1, 50, 1);
                BulkIngest.IndexedHashes hashes = new BulkIngest.IndexedHashes(reader);

                assertThat(hashes.hash("b0", true)).isEqualTo(ContentHash.of(b0));
                assertThat(hashes.origin()).isEqualTo("feed.jsonl");
                assertThat(hashes.hash("b0", false)).isEqualTo(ContentHash.of(b0));
                assertThat(hashes.origin()).isNull();
                assertThat(hashes.hash("a1", true)).isEqualTo(ContentHash.of(a1));
                assertThat(hashes.origin()).isNull();
                assertThat(hashes.hash("a2", false)).isEqualTo(ContentHash.of(article(2, "first")));
                assertThat(hashes.hash("a50", false)).isNull();
            }
        }
    }

    @Test
    void whileOneThreadWritesASegment_theOtherTakesTheNewArticles() throws Exception {
        HoldingDirectory dir = new HoldingDirectory();
        IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 1);
        writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
        BulkIngest bulk = new BulkIngest(writer, schema, 2);
        int[] next = {0};
        int more = 3_000;
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                while (dir.held.getCount() > 0) { // until a thread is held writing its first segment
                    bulk.accept(article(next[0]++, "first"));
                }
                // Far more than both threads' room for waiting batches (16 of 32): the producer
                // only gets through them if the other thread writes them, the held one still held.
                for (int k = 0; k < more; k++) {
                    bulk.accept(article(next[0]++, "first"));
                }
            });
            assertThat(dir.release.getCount()).isOne();
            assertThat(bulk.added()).isGreaterThan(more);
        } finally {
            dir.release.countDown(); // a failure above ends the test instead of hanging it
        }
        try (dir;
                writer) {
            bulk.finish();
            writer.commit();
            assertThat(bulk.added()).isEqualTo(next[0]);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(next[0]);
            }
        }
    }

    /** Holds the first thread that writes a segment's terms to disk until {@link #release} opens. */
    private static final class HoldingDirectory extends FilterDirectory {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        HoldingDirectory() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (name.endsWith(".tim") && first.compareAndSet(true, false)) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return super.createOutput(name, context);
        }
    }
}
