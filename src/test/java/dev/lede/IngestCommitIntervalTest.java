package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.ingest.IngestOptions;
import dev.lede.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long ingest commits while it runs, so a crash loses at most one commit interval of work. */
class IngestCommitIntervalTest {
    private static final int ARTICLES = 300;
    private static final int LOOK_AT = 200;

    @TempDir
    Path tmp;

    /**
     * Articles that, when the ingest asks for article {@link #LOOK_AT}, count what another process
     * would see on disk at that moment: the articles of the last commit.
     */
    private static final class Watching implements Iterable<Article> {
        final Path folder;
        long committedMidway = -1;
        ArticleIndex ingesting; // when set, what it can search is counted too
        long searchableMidway = -1;

        Watching(Path folder) {
            this.folder = folder;
        }

        @Override
        public Iterator<Article> iterator() {
            Iterator<Article> articles = IntStream.range(0, ARTICLES)
                    .mapToObj(i -> Article.builder("a" + i)
                            .title("Story " + i)
                            .body("Body of story " + i + ".")
                            .build())
                    .iterator();
            return new Iterator<>() {
                int given;

                @Override
                public boolean hasNext() {
                    return articles.hasNext();
                }

                @Override
                public Article next() {
                    pause(); // a slow source: 200 articles take at least 200 ms
                    if (given++ == LOOK_AT) {
                        try (ArticleIndex reader = ArticleIndex.openReadOnly(folder)) {
                            committedMidway = reader.count();
                            if (ingesting != null) {
                                searchableMidway = ingesting.count();
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return articles.next();
                }
            };
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aShortIntervalCommitsWhileTheIngestRuns() throws IOException {
        Watching articles = new Watching(tmp);
        IngestReport report;
        try (ArticleIndex index = ArticleIndex.open(tmp)) {
            report = index.addAll(articles, IngestOptions.defaults().commitInterval(Duration.ofMillis(20)));
        }
        assertThat(report.added()).isEqualTo(ARTICLES);
        // Committed before article 200 was handed over: some, at most those handed over already.
        assertThat(articles.committedMidway).isBetween(1L, (long) LOOK_AT);
    }

    @Test
    void theCommitsWhileItRunsMakeNothingSearchable_itsEndDoes() throws IOException {
        Watching articles = new Watching(tmp);
        IngestReport report;
        try (ArticleIndex index = ArticleIndex.open(tmp, IndexConfig.defaults().refreshInterval(Duration.ZERO))) {
            articles.ingesting = index;
            report = index.addAll(articles, IngestOptions.defaults().commitInterval(Duration.ofMillis(20)));
            assertThat(index.count()).isEqualTo(ARTICLES);
        }
        assertThat(report.added()).isEqualTo(ARTICLES);
        assertThat(articles.committedMidway).isBetween(1L, (long) LOOK_AT);
        assertThat(articles.searchableMidway).isZero();
    }

    @Test
    void byDefaultAShortIngestCommitsOnlyAtTheEnd() throws IOException {
        Watching articles = new Watching(tmp);
        try (ArticleIndex index = ArticleIndex.open(tmp)) {
            index.addAll(articles);
            assertThat(index.count()).isEqualTo(ARTICLES);
        }
        assertThat(articles.committedMidway).isZero();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> IngestOptions.defaults().commitInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commitInterval must be positive, not PT0S");
    }
}
