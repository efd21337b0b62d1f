package dev.lede.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void of_isLenientTop10WithDefaultHighlighting() {
        assertThat(SearchRequest.of("sanctuary laws"))
                .isEqualTo(new SearchRequest(
                        "sanctuary laws",
                        Syntax.LENIENT,
                        Filters.none(),
                        SortOrder.RELEVANCE,
                        1,
                        10,
                        null,
                        false,
                        Highlight.defaults(),
                        null,
                        Duration.ofSeconds(5),
                        Collapse.off(),
                        FacetRequest.none()));
    }

    @Test
    void withers_returnChangedCopies() {
        SearchRequest base = SearchRequest.of("q");

        SearchRequest changed = base.syntax(Syntax.LUCENE).size(25).highlight(Highlight.passages(1));

        assertThat(changed)
                .isEqualTo(new SearchRequest(
                        "q",
                        Syntax.LUCENE,
                        Filters.none(),
                        SortOrder.RELEVANCE,
                        1,
                        25,
                        null,
                        false,
                        Highlight.passages(1),
                        null,
                        Duration.ofSeconds(5),
                        Collapse.off(),
                        FacetRequest.none()));
        assertThat(base).isEqualTo(SearchRequest.of("q"));
    }

    @Test
    void sizeOutOfRange_throwsNamingTheValue() {
        assertThatThrownBy(() -> SearchRequest.of("q").size(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be 1 to 10000, not 0");
        assertThatThrownBy(() -> SearchRequest.of("q").size(-5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be 1 to 10000, not -5");
        assertThatThrownBy(() -> SearchRequest.of("q").size(10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be 1 to 10000, not 10001");
    }

    @Test
    void pagingPastTheWindowOrWithACursor_throwsNamingTheValues() {
        assertThatThrownBy(() -> SearchRequest.of("q").page(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page must be 1 or more, not 0");
        assertThatThrownBy(() -> SearchRequest.of("q").page(1001, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page 1001 of size 10 goes past result 10000; page deeper with the cursor (after)");
        assertThatThrownBy(() -> SearchRequest.of("q").after("abc").page(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cursor (after) replaces the page number: use page 1, not 2");
    }

    @Test
    void sinceAfterUntil_throwsNamingBoth() {
        assertThatThrownBy(() -> SearchRequest.of("q")
                        .since(java.time.LocalDate.parse("2024-02-01"))
                        .until(java.time.LocalDate.parse("2024-01-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("since (2024-02-01T00:00:00Z) is after until (2024-01-31T23:59:59.999Z)");
        assertThatThrownBy(() -> SearchRequest.of("q").source("ok", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sources filter has a blank value");
    }

    @Test
    void nulls_throwNullPointerNamingTheComponent() {
        assertThatThrownBy(() -> SearchRequest.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("query");
        assertThatThrownBy(() -> SearchRequest.of("q").syntax(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("syntax");
        assertThatThrownBy(() -> SearchRequest.of("q").highlight(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("highlight");
    }
}
