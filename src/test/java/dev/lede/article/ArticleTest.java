package dev.lede.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleTest {

    @Test
    void build_nullId_throwsNullPointerNamingId() {
        assertThatThrownBy(() -> Article.builder().title("t").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void build_blankId_throwsIllegalArgument() {
        assertThatThrownBy(() -> Article.builder(" \t").title("t").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("article id is blank");
    }

    @Test
    void build_neitherTitleNorBody_throwsIllegalArgumentNamingTheId() {
        assertThatThrownBy(
                        () -> Article.builder("nyc-42").title("  ").body(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("article 'nyc-42' has neither a title nor a body");
    }

    @Test
    void build_titleOnly_isValidWithEmptyBody() {
        Article a = Article.builder("t-only").title("Headline").build();

        assertThat(a.title()).isEqualTo("Headline");
        assertThat(a.body()).isEqualTo("");
    }

    @Test
    void build_bodyOnly_isValidWithEmptyTitle() {
        Article a = Article.builder("b-only").body("Some text.").build();

        assertThat(a.title()).isEqualTo("");
        assertThat(a.body()).isEqualTo("Some text.");
    }

    @Test
    void build_titleAndBody_areStripped() {
        Article a = Article.builder("x")
                .title("  Headline \n")
                .body("\n Body text. \t")
                .build();

        assertThat(a.title()).isEqualTo("Headline");
        assertThat(a.body()).isEqualTo("Body text.");
    }

    @Test
    void build_blankOptionalValues_becomeNull() {
        Article a = Article.builder("x")
                .title("t")
                .url(" ")
                .source("")
                .language("\t")
                .notice("  \n")
                .build();

        assertThat(a.url()).isNull();
        assertThat(a.source()).isNull();
        assertThat(a.language()).isNull();
        assertThat(a.notice()).isNull();
        assertThat(a.published()).isNull();
    }

    @Test
    void build_optionalValues_areStripped() {
        Article a = Article.builder("x")
                .title("t")
                .url(" https://example.com/a ")
                .source(" Example News ")
                .language(" en ")
                .notice(" Originally appeared elsewhere. ")
                .build();

        assertThat(a.url()).isEqualTo("https://example.com/a");
        assertThat(a.source()).isEqualTo("Example News");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.notice()).isEqualTo("Originally appeared elsewhere.");
    }

    @Test
    void build_lists_areStrippedWithBlanksNullsAndDuplicatesDropped() {
        List<String> authors = Arrays.asList("  Jane Doe ", "", null, "Jane Doe", "Bob Roe", " \t");
        List<String> topics = Arrays.asList("politics", " politics ", null, "immigration");

        Article a =
                Article.builder("x").title("t").authors(authors).topics(topics).build();

        assertThat(a.authors()).containsExactly("Jane Doe", "Bob Roe");
        assertThat(a.topics()).containsExactly("politics", "immigration");
    }

    @Test
    void build_noLists_givesEmptyListsNotNull() {
        Article a = Article.builder("x").title("t").build();

        assertThat(a.authors()).isEqualTo(List.of());
        assertThat(a.topics()).isEqualTo(List.of());
    }

    @Test
    void constructor_nullList_throwsNullPointerNamingTheList() {
        assertThatThrownBy(() -> new Article("x", "t", "", null, null, null, null, List.of(), null, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("authors");
        assertThatThrownBy(() -> new Article("x", "t", "", null, null, List.of(), null, null, null, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("topics");
    }

    @Test
    void lists_areImmutableCopies() {
        List<String> topics = new ArrayList<>(List.of("politics"));
        Article a = Article.builder("x").title("t").topics(topics).build();

        topics.add("sports");

        assertThat(a.topics()).containsExactly("politics");
        assertThatThrownBy(() -> a.topics().add("sports")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.authors().add("someone")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void authorsVarargs_keepOrder() {
        Article a = Article.builder("x").title("t").authors("B. Roe", "A. Doe").build();

        assertThat(a.authors()).containsExactly("B. Roe", "A. Doe");
    }

    @Test
    void builder_buildTwice_givesEqualArticles() {
        Article.Builder b = Article.builder("x").title("Headline").body("Body.").topics("a", "b");

        Article first = b.build();
        Article second = b.build();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void builder_changedAfterBuild_leavesEarlierArticleUnchanged() {
        Article.Builder b = Article.builder("x").title("First title");
        Article first = b.build();

        Article second = b.title("Second title").build();

        assertThat(first.title()).isEqualTo("First title");
        assertThat(second.title()).isEqualTo("Second title");
        assertThat(second.id()).isEqualTo("x");
    }

    @Test
    void builder_afterFailedBuild_canStillBuild() {
        Article.Builder b = Article.builder("x");
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);

        Article a = b.body("Now there is text.").build();

        assertThat(a.body()).isEqualTo("Now there is text.");
    }

    @Test
    void builder_nullListArgument_throwsAtOnce() {
        assertThatThrownBy(() -> Article.builder("x").authors((List<String>) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("authors");
        assertThatThrownBy(() -> Article.builder("x").topics((List<String>) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("topics");
    }

    @Test
    void toBuilder_roundTrip_givesEqualArticle() {
        Article a = Article.builder("nyc-42")
                .title("Headline")
                .body("Body.")
                .url("https://example.com/42")
                .source("Example News")
                .authors("Jane Doe")
                .published(Published.of(LocalDate.of(2025, 2, 1)))
                .topics("immigration")
                .language("en")
                .notice("Originally appeared on Example.")
                .build();

        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().title("Other").build().body()).isEqualTo("Body.");
    }
}
