package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * A bulk ingest over several indexing threads with a RAM budget it fills many times over: the
 * flushing thread writes segments ahead of the writer's own limit, the indexing threads write the
 * rest when they are done, and every article, in its last version, is in the index.
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

    /** Ingests every article, then a second version of every 100th, with {@code threads} threads. */
    private long ingest(Directory dir, int threads) throws IOException {
        try (IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 1)) {
            // The segments written stay apart (a merge finishing before the commit made it one).
            writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
            BulkIngest bulk = new BulkIngest(writer, schema, threads);
            for (int i = 0; i < ARTICLES; i++) {
                bulk.accept(article(i, "first"));
                if (i % 100 == 99) {
                    bulk.accept(article(i - 50, "second"));
                }
            }
            bulk.finish();
            // The indexing threads wrote what they held in memory before finish() returned.
            assertThat(writer.numRamDocs()).isZero();
            writer.commit();
            assertThat(bulk.added()).isEqualTo(ARTICLES);
            assertThat(bulk.updated()).isEqualTo(ARTICLES / 100);
            return bulk.flushedAhead();
        }
    }

    @Test
    void withTwoThreads_segmentsAreFlushedAhead_andEveryArticleIsThereInItsLastVersion() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            long flushedAhead = ingest(dir, 2);

            assertThat(flushedAhead).isPositive();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(ARTICLES);
                assertThat(reader.leaves().size()).isGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int i = 0; i < ARTICLES; i += 7) {
                    TopDocs found = searcher.search(new TermQuery(schema.idTerm("a" + i)), 2);
                    assertThat(found.scoreDocs).as("a%d", i).hasSize(1);
                    Article stored = schema.toArticle(searcher.storedFields().document(found.scoreDocs[0].doc));
                    String version = i % 100 == 49 ? "second" : "first";
                    assertThat(stored.title()).isEqualTo("Harbour report " + i + " " + version);
                }
            }
        }
    }

    @Test
    void withOneThread_theWriterFlushesOnItsOwn() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            assertThat(ingest(dir, 1)).isZero();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.numDocs()).isEqualTo(ARTICLES);
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
}
