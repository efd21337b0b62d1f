package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.RelatedArticle;
import dev.lede.query.RelatedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code related}: more like this, without the article itself or copies of it, in a date window. */
class RelatedArticlesTest {
    private static ArticleIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        index = ArticleIndex.inMemory();
        add("port", "2025-03-10", "Port workers strike over pay", NearDuplicateCollapseTest.PORT);
        add(
                "port-copy",
                "2025-03-10",
                "Dockers walk out",
                "You can view this story on their website by CLICKING" + " HERE.\n\n" + NearDuplicateCollapseTest.PORT);
        add(
                "port-talks",
                "2025-03-03",
                "Port pay talks stall",
                "Talks between dock workers and the port authority"
                        + " over pay and night shifts stalled again, and the union warned of a strike at the port.");
        add(
                "port-deal",
                "2025-03-20",
                "Dock workers accept pay deal",
                "Dock workers at the northern port voted to"
                        + " accept a new pay offer with better overtime, ending the strike that diverted vessels.");
        add(
                "port-old",
                "2024-01-15",
                "Port authority buys new cranes",
                "The port authority bought four container"
                        + " cranes for the northern port, to speed up the unloading of vessels by dock workers.");
        add("strike", "2025-03-11", "Train drivers to strike", NearDuplicateCollapseTest.STRIKE);
        add(
                "recipe",
                "2025-03-09",
                "A simple lemon cake",
                "Beat the butter and sugar, fold in flour and lemon zest,"
                        + " and bake for forty minutes. The cake keeps for three days in a tin.");
        index.add(Article.builder("undated")
                .title("Dock workers and port unions")
                .body("Dock workers and port"
                        + " unions have a long history of strikes over pay and night shifts at the northern port.")
                .build());
        index.commit();
    }

    private static void add(String id, String date, String title, String body) throws IOException {
        index.add(Article.builder(id)
                .title(title)
                .body(body)
                .published(Published.parse(date))
                .build());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void related_findsOtherStoriesOnTheTopic_notItselfNorItsCopies() throws IOException {
        List<String> ids = ids(index.related("port", 10));

        assertThat(ids).doesNotContain("port", "port-copy");
        assertThat(ids).containsAll(List.of("port-talks", "port-deal", "port-old", "undated"));
        assertThat(ids(index.related("port", 2))).hasSize(2);
    }

    @Test
    void before_keepsOnlyEarlierDatedArticles() throws IOException {
        List<String> ids = ids(index.related(RelatedRequest.of("port").before(true)));

        assertThat(ids).containsExactlyInAnyOrder("port-talks", "port-old");
    }

    @Test
    void window_keepsArticlesWithinThatLongEitherSide() throws IOException {
        List<String> ids = ids(index.related(RelatedRequest.of("port").window(Duration.ofDays(14))));

        assertThat(ids).contains("port-talks", "port-deal").doesNotContain("port-old", "undated", "port-copy");
    }

    @Test
    void unknownId_throwsNamingIt() {
        assertThatThrownBy(() -> index.related("nope", 5))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no article with id 'nope'");
    }

    @Test
    void dateWindowOnAnUndatedArticle_throwsSayingWhy() {
        assertThatThrownBy(() -> index.related(RelatedRequest.of("undated").before(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("article 'undated' has no publication date, so related articles cannot be limited by"
                        + " date");
    }

    @Test
    void badSizeOrWindow_throwsNamingTheValue() {
        assertThatThrownBy(() -> RelatedRequest.of("port").size(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be 1 to 1000, not 0");
        assertThatThrownBy(() -> RelatedRequest.of("port").window(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be positive, not PT0S");
    }

    private static List<String> ids(List<RelatedArticle> related) {
        return related.stream().map(RelatedArticle::id).toList();
    }
}
