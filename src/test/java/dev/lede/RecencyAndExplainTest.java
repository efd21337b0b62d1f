package dev.lede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Article;
import dev.lede.article.Published;
import dev.lede.query.Hit;
import dev.lede.query.Recency;
import dev.lede.query.ScoreExplanation;
import dev.lede.query.SearchRequest;
import dev.lede.query.SearchResults;
import dev.lede.query.SortOrder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recency as a share of the score, on a small dated corpus, and explain. */
class RecencyAndExplainTest {
    private static final Instant NOW = Instant.parse("2024-06-30T00:00:00Z");
    private ArticleIndex index;

    @BeforeEach
    void corpus() throws IOException {
        index = ArticleIndex.inMemory(IndexConfig.defaults().refreshInterval(Duration.ZERO));
        index.addAll(List.of(
                // "strong" matches best but is a year old; "fresh" matches a little less, this week.
                article("strong", "Flood warning flood river", "2023-06-30"),
                article("fresh", "Flood warning issued", "2024-06-28"),
                article("undated", "Flood warning issued", null),
                article("future", "Flood warning issued", "2024-07-30")));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static Article article(String id, String title, String published) {
        return Article.builder(id)
                .title(title)
                .body("Residents near the river were told to prepare.")
                .published(published == null ? null : Published.parse(published))
                .build();
    }

    private SearchResults search(SearchRequest request) throws IOException {
        return index.search(request);
    }

    @Test
    void withoutRecency_relevanceAloneOrdersAndEqualTextTiesById() throws IOException {
        assertThat(search(SearchRequest.of("flood warning")).hits())
                .extracting(Hit::id)
                .containsExactly("strong", "fresh", "future", "undated");
    }

    @Test
    void recency_liftsTheFreshArticleAboveTheStaleStrongerMatch() throws IOException {
        SearchResults results = search(SearchRequest.of("flood warning")
                .recency(Recency.halfLife(Duration.ofDays(30)).weight(0.5).origin(NOW)));

        // Undated and future articles keep their whole score (factor 1), so they edge out the two-day-old
        // one (factor 0.977); the year-old strongest match (factor 0.5) falls to the end.
        assertThat(results.hits()).extracting(Hit::id).containsExactly("future", "undated", "fresh", "strong");
    }

    @Test
    void recency_scoresAreTheRelevanceScoreTimesTheFactor() throws IOException {
        float plain = score(search(SearchRequest.of("flood warning")), "strong");
        float fresh = score(search(SearchRequest.of("flood warning")), "fresh");
        Recency recency = Recency.halfLife(Duration.ofDays(365)).weight(0.5).origin(NOW);
        SearchResults mixed = search(SearchRequest.of("flood warning").recency(recency));

        // A year old with a one-year half-life: (1 - 0.5) + 0.5 * 0.5 = 0.75 (2024 is a leap year: 366 days).
        double yearFactor = 0.5 + 0.5 * Math.pow(0.5, 366.0 / 365.0);
        assertThat((double) score(mixed, "strong"))
                .isCloseTo(plain * yearFactor, org.assertj.core.data.Offset.offset(1e-4));
        // Two days old: (1 - 0.5) + 0.5 * 0.5^(2/365).
        double twoDays = 0.5 + 0.5 * Math.pow(0.5, 2.0 / 365.0);
        assertThat((double) score(mixed, "fresh"))
                .isCloseTo(fresh * twoDays, org.assertj.core.data.Offset.offset(1e-4));
        // Undated and future articles are neutral: their whole score.
        assertThat(score(mixed, "undated")).isEqualTo(fresh);
        assertThat(score(mixed, "future")).isEqualTo(fresh);
    }

    @Test
    void recency_weightZeroChangesNothing_andDateSortsIgnoreIt() throws IOException {
        Recency none = Recency.halfLife(Duration.ofDays(1)).weight(0).origin(NOW);
        assertThat(search(SearchRequest.of("flood warning").recency(none)).hits())
                .extracting(Hit::id)
                .containsExactly("strong", "fresh", "future", "undated");
        Recency strong = Recency.halfLife(Duration.ofDays(1)).weight(1).origin(NOW);
        assertThat(search(SearchRequest.of("flood warning")
                                .sort(SortOrder.OLDEST)
                                .recency(strong))
                        .hits())
                .extracting(Hit::id)
                .containsExactly("strong", "fresh", "future", "undated");
    }

    @Test
    void recency_badValuesAreRefusedNamingThem() {
        assertThatThrownBy(() -> Recency.halfLife(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency half-life must be more than zero, not PT0S");
        assertThatThrownBy(() -> Recency.halfLife(Duration.ofDays(1)).weight(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency weight must be 0 to 1, not 1.5");
    }

    @Test
    void explain_showsTheBm25PartsPerFieldAndTerm() throws IOException {
        ScoreExplanation e = index.explain(SearchRequest.of("river"), "strong").orElseThrow();

        assertThat(e.match()).isTrue();
        assertThat(e.value()).isEqualTo(score(search(SearchRequest.of("river")), "strong"));
        assertThat(e.toString())
                .contains("weight(title:river in ")
                .contains("weight(body:river in ")
                .contains("[BM25Similarity]")
                .contains("k1, term saturation parameter");
    }

    @Test
    void explain_showsTheRecencyFactor() throws IOException {
        SearchRequest request = SearchRequest.of("flood")
                .recency(Recency.halfLife(Duration.ofDays(30)).weight(0.5).origin(NOW));

        String strong = index.explain(request, "strong").orElseThrow().toString();
        String undated = index.explain(request, "undated").orElseThrow().toString();

        assertThat(strong).contains("recency: (1 - 0.50) + 0.50 × 0.5^(366.0 days / 30.0 days half-life)");
        assertThat(undated).contains("1.0000 recency: undated, neutral");
    }

    @Test
    void explain_nonMatchingArticleSaysSo_andUnknownIdIsEmpty() throws IOException {
        assertThat(index.explain(SearchRequest.of("volcano"), "strong")
                        .orElseThrow()
                        .match())
                .isFalse();
        assertThat(index.explain(SearchRequest.of("flood"), "nope")).isEmpty();
    }

    private static float score(SearchResults results, String id) {
        return results.hits().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElseThrow()
                .score();
    }
}
