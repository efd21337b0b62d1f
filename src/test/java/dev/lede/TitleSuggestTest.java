package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.TitleSuggestion;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Title autocomplete: infix word prefixes, marks, ranking and bounds. */
class TitleSuggestTest {
    private static ArticleIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        index = ArticleIndex.inMemory();
        add("old", "Council debates the city's sanctuary laws", "2024-01-01");
        add("new", "Sanctuary cities & \"the law\" <explained>", "2024-03-01");
        add("copy", "Sanctuary cities & \"the law\" <explained>", "2024-02-01");
        add("nyc", "Mayor of New York makes a pledge", "2024-02-15");
        add("nyc2", "New rules in York: man jailed", null);
        add("accent", "Café owners sue Zürich", "2023-05-05");
        index.commit();
    }

    private static void add(String id, String title, String date) throws IOException {
        index.add(Article.builder(id)
                .title(title)
                .body("Body text.")
                .published(date == null ? null : Published.parse(date))
                .build());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> html(String prefix) throws IOException {
        return index.suggest(prefix, 10).stream().map(t -> t.title().html()).toList();
    }

    @Test
    void prefix_matchesAnyTitleWord_leadingMatchesFirst_thenNewest_copiesOnce() throws IOException {
        List<TitleSuggestion> found = index.suggest("sanc", 10);

        assertThat(found).extracting(TitleSuggestion::id).containsExactly("new", "old");
        assertThat(found.get(0).title().html())
                .isEqualTo("<mark>Sanc</mark>tuary cities &amp; &quot;the law&quot; &lt;explained&gt;");
        assertThat(found.get(1).title().html())
                .isEqualTo("Council debates the city&#x27;s <mark>sanc</mark>tuary laws");
        assertThat(found.get(0).published()).isEqualTo(Published.parse("2024-03-01"));
    }

    @Test
    void wholeWords_mustAllBeInTheTitle_lastOneAsAPrefix() throws IOException {
        assertThat(html("new york ma"))
                .containsExactly(
                        "<mark>New</mark> rules in <mark>York</mark>: <mark>ma</mark>n jailed",
                        "<mark>Ma</mark>yor of <mark>New</mark> <mark>York</mark> <mark>ma</mark>kes a pledge");
        assertThat(html("york mayor ")).containsExactly("<mark>Mayor</mark> of New <mark>York</mark> makes a pledge");
        assertThat(html("ne yo")).isEmpty(); // "ne" is a finished word, and no title has it
    }

    @Test
    void matching_ignoresCaseAndAccents() throws IOException {
        assertThat(html("CAFE zur")).containsExactly("<mark>Café</mark> owners sue <mark>Zür</mark>ich");
    }

    @Test
    void oneLetter_works_andBlankOrPunctuationGivesNothing() throws IOException {
        assertThat(index.suggest("z", 10)).extracting(TitleSuggestion::id).containsExactly("accent");
        assertThat(index.suggest("", 10)).isEmpty();
        assertThat(index.suggest(" -- ", 10)).isEmpty();
        assertThat(index.suggest("s", 1)).hasSize(1);
    }

    @Test
    void n_isChecked() {
        assertThatThrownBy(() -> index.suggest("a", 0)).hasMessage("n must be 1 to 100, not 0");
    }
}
