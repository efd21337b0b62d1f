package dev.lede.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import dev.lede.internal.schema.Schema;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The commits an ingest takes while it runs: on a thread of their own, their failures its own. */
class IngestRunCommitTest {
    private static final int ARTICLES = 500;

    private final Schema schema = new Schema();
    // The commits asked for, in order: false while the ingest runs, true at its end.
    private final List<Boolean> commits = new CopyOnWriteArrayList<>();

    private static Iterator<Article> articles(Runnable afterLast) {
        Iterator<Article> articles = IntStream.range(0, ARTICLES)
                .mapToObj(i -> Article.builder("a" + i)
                        .title("Tide table " + i)
                        .body("High water at the harbour mouth on day " + i + ".")
                        .build())
                .iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return articles.hasNext();
            }

            @Override
            public Article next() {
                Article a = articles.next();
                if (!articles.hasNext()) {
                    afterLast.run();
                }
                return a;
            }
        };
    }

    /** Every article is due a commit, so the first one is asked for with the first article. */
    private static IngestOptions everyArticleDue() {
        return IngestOptions.defaults().threads(2).commitInterval(Duration.ofNanos(1));
    }

    @Test
    void readingAndIndexingGoOnWhileACommitRuns() throws Exception {
        CountDownLatch allHandedOver = new CountDownLatch(1);
        boolean[] releasedByTheIngest = new boolean[1];
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 16)) {
            IngestRun.Commit commit = refresh -> {
                if (!refresh && commits.isEmpty()) {
                    // Held until the ingest has read every article: if the commit ran on the
                    // ingesting thread, this would wait its full 10 seconds in vain.
                    try {
                        releasedByTheIngest[0] = allHandedOver.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                commits.add(refresh);
                writer.commit();
            };
            IngestReport report = new IngestRun(writer, schema, everyArticleDue(), commit)
                    .articles(articles(allHandedOver::countDown));

            assertThat(releasedByTheIngest[0]).isTrue();
            assertThat(report.added()).isEqualTo(ARTICLES);
            assertThat(commits.getFirst()).isFalse();
            assertThat(commits.getLast()).isTrue();
            assertThat(commits.stream().filter(r -> r)).hasSize(1);
            try (DirectoryReader committed = DirectoryReader.open(dir)) {
                assertThat(committed.numDocs()).isEqualTo(ARTICLES);
            }
        }
    }

    @Test
    void aCommitThatFailsWhileTheIngestRunsFailsTheIngest() throws Exception {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = IndexFolder.openWriter(dir, "memory", schema, 16)) {
            IngestRun.Commit commit = refresh -> {
                commits.add(refresh);
                throw new IOException("No space left on device");
            };
            IngestRun run = new IngestRun(writer, schema, everyArticleDue(), commit);

            assertThatThrownBy(() -> run.articles(articles(() -> {})))
                    .isInstanceOf(IOException.class)
                    .hasMessage("No space left on device");
            assertThat(commits).containsExactly(false);
        }
    }
}
