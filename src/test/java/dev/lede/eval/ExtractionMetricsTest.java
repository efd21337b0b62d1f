package dev.lede.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The html-dev scoring rules on tiny inputs with figures worked out by hand. */
class ExtractionMetricsTest {
    @Test
    void body_countsFourTokenShinglesAsMultisets() {
        // Reference "a b c d e": shingles abcd, bcde. Extracted "a b c d e f": abcd, bcde, cdef.
        ExtractionMetrics.Overlap o = ExtractionMetrics.body("A b, c\n\nd e f", "a b c d e");

        assertThat(o.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(o.recall()).isEqualTo(1.0);
        assertThat(o.f1()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void body_repeatedShingleCountsOnlyAsOftenAsInBoth() {
        // "x y z w x y z w": xyzw twice, yzwx, zwxy, wxyz; the reference has xyzw once.
        ExtractionMetrics.Overlap o = ExtractionMetrics.body("x y z w x y z w", "x y z w");

        assertThat(o.precision()).isEqualTo(0.2);
        assertThat(o.recall()).isEqualTo(1.0);
        assertThat(o.f1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void body_shortAndEmptyTexts() {
        assertThat(ExtractionMetrics.body("Hello, world", "hello world").f1()).isEqualTo(1.0);
        assertThat(ExtractionMetrics.body("", " ... ")).isEqualTo(new ExtractionMetrics.Overlap(1, 1, 1));
        assertThat(ExtractionMetrics.body("text", "")).isEqualTo(new ExtractionMetrics.Overlap(0, 0, 0));
        // NFKC folds the ligature, and lower case makes both sides equal.
        assertThat(ExtractionMetrics.body("ﬁne DAY", "fine day").f1()).isEqualTo(1.0);
    }

    @Test
    void shingles_ofOneTokenAreBagOfWords() {
        ExtractionMetrics.Overlap o = ExtractionMetrics.shingles("c b a a", "a b c d", 1);

        assertThat(o.precision()).isEqualTo(0.75);
        assertThat(o.recall()).isEqualTo(0.75);
    }

    @Test
    void titleMatches_ignoresCaseSpacesAndSurroundingPunctuation() {
        assertThat(ExtractionMetrics.titleMatches("  “Bridge   Reopens!” ", "bridge reopens"))
                .isTrue();
        assertThat(ExtractionMetrics.titleMatches("Bridge Reopens Today", "Bridge Reopens"))
                .isFalse();
    }

    @Test
    void authorsMatch_splitsNamesAndDropsRolesAfterCommas() {
        assertThat(ExtractionMetrics.authorsMatch(List.of("Jane Doe", "Tom Roe"), "Tom Roe and Jane Doe"))
                .isTrue();
        assertThat(ExtractionMetrics.authorsMatch(List.of("By Jillian Kubala"), "Jillian Kubala, MS, RD"))
                .isTrue();
        assertThat(ExtractionMetrics.authorsMatch(List.of("Ann Lee, Shipping Expert"), "Ann Lee"))
                .isTrue();
        assertThat(ExtractionMetrics.authorsMatch(
                        List.of("A. Smith, B. Jones & C. Wu"), "A. Smith, B. Jones, and C. Wu"))
                .isTrue();
        assertThat(ExtractionMetrics.authorsMatch(List.of("Jane Doe"), "Jane Doe and Tom Roe"))
                .isFalse();
    }

    @Test
    void dateMatches_comparesTheLocalDayOrMonth() {
        assertThat(ExtractionMetrics.dateMatches("2019-03-01T22:00:00-05:00", "2019-03-01"))
                .isTrue();
        assertThat(ExtractionMetrics.dateMatches("2019-03-02", "2019-03-01")).isFalse();
        assertThat(ExtractionMetrics.dateMatches("2003-11-20", "2003-11")).isTrue();
        assertThat(ExtractionMetrics.dateMatches(null, "2003-11")).isFalse();
    }
}
