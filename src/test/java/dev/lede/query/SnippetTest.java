package dev.lede.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.query.Snippet.Mark;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void marked_givesTheMarkedSubstringsInOrder() {
        Snippet s = new Snippet(
                "the housing plan and the plan",
                List.of(new Mark(4, 16), new Mark(25, 29)),
                "the <mark>housing plan</mark> and the <mark>plan</mark>");

        assertThat(s.marked()).containsExactly("housing plan", "plan");
    }

    @Test
    void mark_emptyOrNegativeRange_isRefused() {
        assertThatThrownBy(() -> new Mark(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad mark [3, 3)");
        assertThatThrownBy(() -> new Mark(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad mark [-1, 2)");
    }

    @Test
    void markOutsideText_isRefused() {
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Mark(1, 4)), "a<mark>bc</mark>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mark Mark[start=1, end=4] is outside the text");
    }
}
