package dev.lede.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedTest {

    @Test
    void parse_plainDate_keepsADateWithoutTime() {
        Published p = Published.parse("2019-03-01");

        assertThat(p.date()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(p.dateTime()).isEmpty();
        assertThat(p.toString()).isEqualTo("2019-03-01");
    }

    @Test
    void instant_ofPlainDate_isStartOfDayUtc() {
        assertThat(Published.parse("2019-03-01").instant()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(Published.of(LocalDate.of(2024, 12, 31)).instant()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
    }

    @Test
    void parse_offsetDateTime_isPrintedAsGiven() {
        Published p = Published.parse("2019-03-01T09:30:00-05:00");

        assertThat(p.toString()).isEqualTo("2019-03-01T09:30:00-05:00");
        assertThat(p.dateTime()).contains(OffsetDateTime.of(2019, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-5)));
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-01T14:30:00Z"));
    }

    @Test
    void parse_halfHourOffsetAndFraction_arePrintedAsGiven() {
        assertThat(Published.parse("2020-06-15T18:05:07.25+05:30").toString())
                .isEqualTo("2020-06-15T18:05:07.25+05:30");
    }

    @Test
    void parse_zuluDateTime_isPrintedWithZ() {
        Published p = Published.parse("2019-03-01T09:30:00Z");

        assertThat(p.toString()).isEqualTo("2019-03-01T09:30:00Z");
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-01T09:30:00Z"));
    }

    @Test
    void parse_zonelessDateTime_isReadAsUtc() {
        Published p = Published.parse("1987-02-26T15:01:01");

        assertThat(p.toString()).isEqualTo("1987-02-26T15:01:01Z");
        assertThat(p.instant()).isEqualTo(Instant.parse("1987-02-26T15:01:01Z"));
    }

    @Test
    void date_ofOffsetDateTime_isTheDayInTheSourcesOffset() {
        Published p = Published.parse("2019-03-01T23:30:00-05:00");

        assertThat(p.date()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-02T04:30:00Z"));
    }

    @Test
    void parse_surroundingWhiteSpace_isIgnored() {
        assertThat(Published.parse("  2019-03-01\n").toString()).isEqualTo("2019-03-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"March 1, 2019", "2019-02-30", "01/03/2019", "", "2019-03-01T25:00:00Z", "yesterday"})
    void parse_badInput_throwsIllegalArgumentNamingTheText(String text) {
        assertThatThrownBy(() -> Published.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ISO-8601 date or date-time: '" + text
                        + "' (expected e.g. 2019-03-01 or 2019-03-01T09:30:00Z)");
    }

    @Test
    void parse_null_throwsNullPointer() {
        assertThatThrownBy(() -> Published.parse(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void compareTo_ordersByInstant() {
        Published date = Published.parse("2019-03-01");
        Published morningNewYork = Published.parse("2019-03-01T09:30:00-05:00");
        Published earlyUtc = Published.parse("2019-03-01T01:00:00Z");

        assertThat(date).isLessThan(earlyUtc);
        assertThat(earlyUtc).isLessThan(morningNewYork);
    }

    @Test
    void equals_dependsOnPrecisionAndOffset() {
        assertThat(Published.parse("2019-03-01")).isEqualTo(Published.of(LocalDate.of(2019, 3, 1)));
        assertThat(Published.parse("2019-03-01")).hasSameHashCodeAs(Published.of(LocalDate.of(2019, 3, 1)));
        assertThat(Published.parse("2019-03-01T00:00:00Z")).isNotEqualTo(Published.parse("2019-03-01"));
        assertThat(Published.parse("2019-03-01T10:00:00+01:00")).isNotEqualTo(Published.parse("2019-03-01T09:00:00Z"));
    }
}
