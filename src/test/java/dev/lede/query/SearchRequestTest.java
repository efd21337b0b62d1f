package dev.lede.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void of_isLenientTop10WithDefaultHighlighting() {
        assertThat(SearchRequest.of("sanctuary laws"))
                .isEqualTo(new SearchRequest("sanctuary laws", Syntax.LENIENT, 10, Highlight.defaults()));
    }

    @Test
    void withers_returnChangedCopies() {
        SearchRequest base = SearchRequest.of("q");

        SearchRequest changed = base.syntax(Syntax.LUCENE).limit(25).highlight(Highlight.passages(1));

        assertThat(changed).isEqualTo(new SearchRequest("q", Syntax.LUCENE, 25, Highlight.passages(1)));
        assertThat(base).isEqualTo(SearchRequest.of("q"));
    }

    @Test
    void limitOutOfRange_throwsNamingTheValue() {
        assertThatThrownBy(() -> SearchRequest.of("q").limit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 1 to 10000, not 0");
        assertThatThrownBy(() -> SearchRequest.of("q").limit(10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be 1 to 10000, not 10001");
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
