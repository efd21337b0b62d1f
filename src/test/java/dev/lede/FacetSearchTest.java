package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.Facet;
import dev.lede.query.Facet.Count;
import dev.lede.query.FacetDimension;
import dev.lede.query.FacetRequest;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facet counts and drill-sideways selection on a small corpus whose counts are known by hand. */
class FacetSearchTest {
    private static ArticleIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        index = ArticleIndex.inMemory();
        // 6 articles about the budget, 1 that is not.
        add("a1", "Reuters", List.of("Jane Roe"), List.of("Politics"), "2024-01-15", "budget vote");
        add(
                "a2",
                "REUTERS",
                List.of("jane roe", "John Doe"),
                List.of("politics", "Economy"),
                "2024-01-31T23:30:00-05:00",
                "budget talks");
        add("a3", "Réuters", List.of(), List.of("Economy"), "2024-02-01", "budget deficit");
        add("a4", "AP", List.of("John Doe"), List.of(), "2024-02-10", "budget cuts");
        add("a5", "AP", List.of(), List.of(), null, "budget surprise");
        add("a6", "BBC", List.of("Émile Zola"), List.of("ÉCONOMY"), "2023-12-31", "budget review");
        add("other", "AP", List.of("Jane Roe"), List.of("Sport"), "2024-01-01", "football final");
        index.commit();
    }

    private static void add(
            String id, String source, List<String> authors, List<String> topics, String date, String title)
            throws IOException {
        index.add(Article.builder(id)
                .title(title)
                .body(title + " in the news today.")
                .source(source)
                .authors(authors)
                .topics(topics)
                .published(date == null ? null : Published.parse(date))
                .build());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<Count> counts(SearchResults r, FacetDimension d) {
        return r.facet(d).orElseThrow().counts();
    }

    @Test
    void facets_countEveryMatch_caseAndAccentInsensitively_showingTheCommonestSpelling() throws IOException {
        SearchResults r = index.search(SearchRequest.of("budget")
                .size(1)
                .facets(FacetDimension.SOURCE, FacetDimension.AUTHOR, FacetDimension.TOPIC));

        assertThat(r.facets())
                .extracting(Facet::dimension)
                .containsExactly(FacetDimension.SOURCE, FacetDimension.AUTHOR, FacetDimension.TOPIC);
        // "Reuters", "REUTERS" and "Réuters" are one source; ties between spellings go to the first in order.
        assertThat(counts(r, FacetDimension.SOURCE))
                .containsExactly(new Count("REUTERS", 3), new Count("AP", 2), new Count("BBC", 1));
        assertThat(counts(r, FacetDimension.AUTHOR))
                .containsExactly(new Count("Jane Roe", 2), new Count("John Doe", 2), new Count("Émile Zola", 1));
        assertThat(counts(r, FacetDimension.TOPIC)).containsExactly(new Count("Economy", 3), new Count("Politics", 2));
        assertThat(r.facet(FacetDimension.SOURCE).orElseThrow().valueCount()).isEqualTo(3);
    }

    @Test
    void dateFacets_bucketTheArticlesOwnLocalDate_andSkipUndatedArticles() throws IOException {
        SearchResults r = index.search(
                SearchRequest.of("budget").facets(FacetDimension.YEAR, FacetDimension.MONTH, FacetDimension.DAY));

        assertThat(counts(r, FacetDimension.YEAR)).containsExactly(new Count("2024", 4), new Count("2023", 1));
        // a2 is 2024-01-31 in its own offset (2024-02-01 in UTC): it counts in January.
        assertThat(counts(r, FacetDimension.MONTH))
                .containsExactly(new Count("2024-01", 2), new Count("2024-02", 2), new Count("2023-12", 1));
        assertThat(counts(r, FacetDimension.DAY)).hasSize(5).startsWith(new Count("2023-12-31", 1));
    }

    @Test
    void selectingASource_keepsTheOtherSourcesCounts_andNarrowsTheOtherDimensions() throws IOException {
        SearchResults r = index.search(SearchRequest.of("budget")
                .source("ap", "bbc")
                .facets(FacetDimension.SOURCE, FacetDimension.AUTHOR, FacetDimension.MONTH));

        assertThat(r.total()).isEqualTo(3);
        assertThat(counts(r, FacetDimension.SOURCE))
                .containsExactly(new Count("REUTERS", 3), new Count("AP", 2), new Count("BBC", 1));
        assertThat(counts(r, FacetDimension.AUTHOR))
                .containsExactly(new Count("Émile Zola", 1), new Count("John Doe", 1));
        assertThat(counts(r, FacetDimension.MONTH)).containsExactly(new Count("2023-12", 1), new Count("2024-02", 1));
    }

    @Test
    void selectingADateRange_keepsTheOtherMonthsCounts() throws IOException {
        SearchResults r = index.search(SearchRequest.of("budget")
                .publishedBetween(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29"))
                .facets(FacetDimension.MONTH, FacetDimension.SOURCE));

        assertThat(r.total()).isEqualTo(3); // a2 (2024-02-01T04:30Z), a3, a4
        assertThat(counts(r, FacetDimension.MONTH))
                .containsExactly(new Count("2024-01", 2), new Count("2024-02", 2), new Count("2023-12", 1));
        assertThat(counts(r, FacetDimension.SOURCE)).containsExactly(new Count("REUTERS", 2), new Count("AP", 1));
    }

    @Test
    void noQueryText_countsTheFilteredArticles_andSidewaysEveryArticle() throws IOException {
        SearchResults r =
                index.search(SearchRequest.of("").source("AP").facets(FacetDimension.SOURCE, FacetDimension.TOPIC));

        assertThat(r.total()).isEqualTo(3);
        assertThat(counts(r, FacetDimension.SOURCE))
                .containsExactly(new Count("AP", 3), new Count("REUTERS", 3), new Count("BBC", 1));
        assertThat(counts(r, FacetDimension.TOPIC)).containsExactly(new Count("Sport", 1));
    }

    @Test
    void facetSize_capsTheValuesListed_butValueCountTellsHowManyThereAre() throws IOException {
        SearchResults r = index.search(SearchRequest.of("budget")
                .facets(FacetRequest.of(FacetDimension.SOURCE).size(1)));

        Facet source = r.facet(FacetDimension.SOURCE).orElseThrow();
        assertThat(source.counts()).containsExactly(new Count("REUTERS", 3));
        assertThat(source.valueCount()).isEqualTo(3);
    }

    @Test
    void noMatch_givesEmptyFacets_andNoFacetsAskedGivesNone() throws IOException {
        SearchResults none = index.search(SearchRequest.of("zzzzqqq").facets(FacetDimension.SOURCE));
        assertThat(none.facet(FacetDimension.SOURCE).orElseThrow().counts()).isEmpty();
        assertThat(index.search("budget").facets()).isEmpty();
    }

    @Test
    void facetRequest_rejectsBadSizesAndNames() {
        assertThatThrownBy(() -> FacetRequest.of(FacetDimension.SOURCE).size(0))
                .hasMessage("facet size must be 1 to 1000, not 0");
        assertThatThrownBy(() -> FacetDimension.of("colour"))
                .hasMessage("unknown facet 'colour': expected source, author, topic, year, month or day");
        assertThat(FacetDimension.of(" Month ")).isEqualTo(FacetDimension.MONTH);
    }
}
