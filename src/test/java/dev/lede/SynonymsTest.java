package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.query.Hit;
import dev.lede.query.SearchRequest;
import dev.lede.query.Syntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query-time synonyms from a user's file: off by default, multi-word aware. */
class SynonymsTest {
    @TempDir
    Path tmp;

    private static final List<Article> ARTICLES = List.of(
            Article.builder("a").title("New York City expands shelters").build(),
            Article.builder("b").title("NYC council votes on budget").build(),
            Article.builder("c").title("York minster restored").build());

    private List<String> ids(IndexConfig config, SearchRequest request) throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(config)) {
            index.addAll(ARTICLES);
            return index.search(request).hits().stream().map(Hit::id).toList();
        }
    }

    private IndexConfig withSynonyms(String rules) throws IOException {
        Path file = tmp.resolve("synonyms.txt");
        Files.writeString(file, rules);
        return IndexConfig.defaults().refreshInterval(Duration.ZERO).synonyms(file);
    }

    @Test
    void withoutAFile_thereAreNoSynonyms() throws IOException {
        assertThat(ids(IndexConfig.defaults(), SearchRequest.of("nyc"))).containsExactly("b");
    }

    @Test
    void equivalentRule_expandsBothWays_andTheMultiWordSideMatchesAsAPhrase() throws IOException {
        IndexConfig config = withSynonyms("# places\nNYC, New York City\n");

        assertThat(ids(config, SearchRequest.of("nyc"))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(config, SearchRequest.of("\"new york city\""))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(config, SearchRequest.of("nyc").syntax(Syntax.LUCENE))).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void explicitRule_mapsOneWay() throws IOException {
        IndexConfig config = withSynonyms("NYC => New York City\n");

        assertThat(ids(config, SearchRequest.of("nyc"))).containsExactly("a");
        assertThat(ids(config, SearchRequest.of("\"new york city\""))).containsExactly("a");
    }

    @Test
    void highlighting_marksWhatTheSynonymMatched() throws IOException {
        try (ArticleIndex index = ArticleIndex.inMemory(withSynonyms("NYC, New York City\n"))) {
            index.addAll(ARTICLES);
            Hit a = index.search(SearchRequest.of("nyc")).hits().stream()
                    .filter(h -> h.id().equals("a"))
                    .findFirst()
                    .orElseThrow();
            assertThat(a.title().html()).isEqualTo("<mark>New York City</mark> expands shelters");
        }
    }

    @Test
    void badFile_failsNamingIt() throws IOException {
        IndexConfig config = withSynonyms("a => \n");
        assertThatThrownBy(() -> ArticleIndex.inMemory(config))
                .hasMessageContaining(
                        "synonyms file " + tmp.resolve("synonyms.txt") + " is not in Solr's synonyms format");
    }
}
