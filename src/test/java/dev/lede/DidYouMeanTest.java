package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lede.article.Article;
import dev.lede.query.SearchRequest;
import dev.lede.query.Syntax;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Did you mean": respellings from the index's own words, offered only when they find clearly more. */
class DidYouMeanTest {
    private static ArticleIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        index = ArticleIndex.inMemory();
        String[] bodies = {
            "The mayor defended the sanctuary laws of the city.",
            "Sanctuary laws protect immigrants, the council said.",
            "Critics of sanctuary laws spoke at the hearing.",
            "A judge ruled on deportations under the laws.",
            "One reporter wrote sanctuery by mistake.",
        };
        for (int i = 0; i < bodies.length; i++) {
            index.add(Article.builder("a" + i)
                    .title("Story " + i)
                    .body(bodies[i])
                    .source("Wire")
                    .build());
        }
        index.commit();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static String suggestion(SearchRequest request) throws IOException {
        return index.search(request).suggestion();
    }

    @Test
    void misspeltWord_isRespelt_keepingPhrasesScopesAndMarks() throws IOException {
        assertThat(suggestion(SearchRequest.of("sanctary"))).isEqualTo("sanctuary");
        assertThat(suggestion(SearchRequest.of("+\"Sanctary lawz\" source:wire")))
                .isEqualTo("+\"Sanctuary laws\" source:wire");
        assertThat(suggestion(SearchRequest.of("+sanctary -deportashuns title:storie")))
                .isEqualTo("+sanctuary -deportashuns title:story");
    }

    @Test
    void rareWordInTheIndex_isRespeltToTheCommonerOne_whenThatFindsTwiceAsMany() throws IOException {
        // "sanctuery" is in one article; "sanctuary" is in three.
        assertThat(index.search("sanctuery").total()).isEqualTo(1);
        assertThat(suggestion(SearchRequest.of("sanctuery"))).isEqualTo("sanctuary");
    }

    @Test
    void missingWord_isRespelt_evenWhenTheOtherWordsFindMany_ifTheRespellingFindsAsMany() throws IOException {
        assertThat(index.search("laws sanctary").total()).isEqualTo(4);
        assertThat(suggestion(SearchRequest.of("laws of sanctary"))).isEqualTo("laws of sanctuary");
        // "sanctuery" is in the index: with enough hits, a rare word is left alone.
        assertThat(suggestion(SearchRequest.of("laws sanctuery"))).isNull();
    }

    @Test
    void wordsWithADigit_areNeverOffered_thoughTheyStaySearchable() throws IOException {
        try (ArticleIndex networks = ArticleIndex.inMemory()) {
            for (int i = 0; i < 3; i++) {
                networks.add(Article.builder("n" + i)
                        .title("Network news")
                        .body("The ipv6 rollout reached the campus network.")
                        .build());
            }
            networks.commit();
            assertThat(networks.search("ipv6").total()).isEqualTo(3);
            // "ipvx" is in no article and one edit from "ipv6", which has a digit: no respelling.
            assertThat(networks.search("ipvx").suggestion()).isNull();
            assertThat(networks.search("netwrok ipvx").suggestion()).isEqualTo("network ipvx");
        }
    }

    @Test
    void closestCommonestWord_wins() throws IOException {
        // "lawss" is one edit from "laws" (4 articles) and "law" is two away.
        assertThat(suggestion(SearchRequest.of("lawss"))).isEqualTo("laws");
        // "Sanctaury" swaps two letters: one edit from "sanctuary", not two.
        assertThat(suggestion(SearchRequest.of("Sanctaury"))).isEqualTo("Sanctuary");
        // Two edits, looked for once nothing is one edit away.
        assertThat(suggestion(SearchRequest.of("mayyorr"))).isEqualTo("mayor");
        assertThat(suggestion(SearchRequest.of("the juddgee ruled"))).isEqualTo("the judge ruled");
    }

    @Test
    void strictSyntax_keepsOperatorsAndWildcards() throws IOException {
        assertThat(suggestion(SearchRequest.of("sanctary AND lawz").syntax(Syntax.LUCENE)))
                .isEqualTo("sanctuary AND laws");
        assertThat(suggestion(SearchRequest.of("sanctar* AND lawz").syntax(Syntax.LUCENE)))
                .isNull(); // "lawz" alone respelt finds nothing more: sanctar* matches nothing either way
    }

    @Test
    void noSuggestion_whenTheQueryFindsEnough_orNothingCloseFindsMore() throws IOException {
        assertThat(suggestion(SearchRequest.of("laws"))).isNull();
        assertThat(suggestion(SearchRequest.of("xylophone"))).isNull();
        assertThat(suggestion(SearchRequest.of(""))).isNull();
    }

    @Test
    void aWordsArticlesAreCountedInEverySegment_beforeItIsTakenForARareOne() throws IOException {
        // Each commit writes its own segment: "harbr" is in 2 articles and "harbour" in 3, one per
        // segment, then 300 more articles; "harbor" (in all) is one edit from both. (So many articles,
        // as Lucene's spell checker leaves alone any word in more than 1% of them.)
        try (ArticleIndex spread = ArticleIndex.inMemory()) {
            String[] bodies = {"harbr harbour", "harbr harbour", "harbour"};
            for (int i = 0; i < bodies.length; i++) {
                spread.add(Article.builder("s" + i)
                        .title("Port " + i)
                        .body(bodies[i] + " harbor")
                        .build());
                spread.commit();
            }
            for (int i = 0; i < 300; i++) {
                spread.add(Article.builder("f" + i)
                        .title("Quay " + i)
                        .body("the harbor")
                        .build());
            }
            spread.commit();
            assertThat(spread.stats().segments()).isEqualTo(4);

            // Found in 2 articles (at most RARE): respelt to the word that finds twice as many.
            assertThat(spread.search("harbr").total()).isEqualTo(2);
            assertThat(spread.search(SearchRequest.of("harbr")).suggestion()).isEqualTo("harbor");
            // Found in 3, counted over 3 segments: taken as spelt right, though "harbor" finds more.
            assertThat(spread.search("harbour").total()).isEqualTo(3);
            assertThat(spread.search(SearchRequest.of("harbour")).suggestion()).isNull();
        }
    }
}
