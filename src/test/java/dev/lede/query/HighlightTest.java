package dev.lede.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void defaults_areThreePassagesOf160CharsWithMarkTagsOver100000Chars() {
        assertThat(Highlight.defaults()).isEqualTo(new Highlight(3, 160, "<mark>", "</mark>", 100_000, true));
    }

    @Test
    void withers_changeOneKnobEach() {
        Highlight h = Highlight.passages(5).chars(200).tags("<b>", "</b>").maxChars(250_000);

        assertThat(h).isEqualTo(new Highlight(5, 200, "<b>", "</b>", 250_000, true));
    }

    @Test
    void badPassages_throwNamingTheValue() {
        assertThatThrownBy(() -> Highlight.passages(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passages must be 0 to 50, not -1");
        assertThatThrownBy(() -> Highlight.passages(51))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passages must be 0 to 50, not 51");
    }

    @Test
    void badChars_throwNamingTheValue() {
        assertThatThrownBy(() -> Highlight.defaults().chars(19))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passage chars must be 20 to 10000, not 19");
    }

    @Test
    void badMaxChars_throwNamingTheValue() {
        assertThatThrownBy(() -> Highlight.defaults().maxChars(999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxChars must be at least 1000, not 999");
    }

    @Test
    void nullTags_throwNullPointer() {
        assertThatThrownBy(() -> Highlight.defaults().tags(null, "</b>"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("preTag");
        assertThatThrownBy(() -> Highlight.defaults().tags("<b>", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("postTag");
    }
}
