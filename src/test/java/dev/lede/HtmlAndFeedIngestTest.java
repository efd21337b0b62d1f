package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.ingest.IngestReport;
import dev.lede.query.SearchResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web pages and feeds in a folder ingest: one article per page, one per feed item. */
class HtmlAndFeedIngestTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderOfPagesAndFeeds_isIndexed_andPagesWithoutAnArticleAreReported() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/pages"));
        Files.copy(
                Path.of(System.getProperty("lede.project.dir", "."), "src/test/resources/html/news-article.html"),
                in.resolve("bridge.html"));
        Files.writeString(in.resolve("menu.htm"), "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        Files.writeString(in.resolve("empty.html"), "");
        Files.writeString(tmp.resolve("in/wire.rss"), """
                <rss version="2.0"><channel><title>Wire</title>
                <item><guid>w-1</guid><title>Ferry adds evening crossings</title>
                <description>The ferry keeps its extra crossings until April.</description></item>
                </channel></rss>
                """, StandardCharsets.UTF_8);

        try (ArticleIndex index = ArticleIndex.inMemory()) {
            IngestReport report = index.ingest(tmp.resolve("in"));

            assertThat(report.added()).isEqualTo(2);
            assertThat(report.problems())
                    .extracting(p -> p.file() + ": " + p.reason())
                    .containsExactly(
                            "pages/empty.html: no text in the file",
                            "pages/menu.htm: no article text found in the page");
            Article page = index.get("pages/bridge.html").orElseThrow();
            assertThat(page.title()).isEqualTo("Harbour Bridge Reopens After Repairs");
            assertThat(page.authors()).containsExactly("Jane Doe", "Tom Roe");
            assertThat(page.source()).isEqualTo("Example Herald");
            assertThat(page.published().toString()).isEqualTo("2019-03-01T22:00:00-05:00");
            assertThat(page.body()).startsWith("The harbour bridge reopened on Friday evening");
            assertThat(index.get("w-1").orElseThrow().source()).isEqualTo("Wire");

            SearchResults ferry = index.search("ferry crossings");
            assertThat(ferry.hits()).extracting(h -> h.id()).containsExactly("w-1", "pages/bridge.html");
        }
    }
}
