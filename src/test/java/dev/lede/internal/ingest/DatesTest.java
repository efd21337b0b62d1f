package dev.lede.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lede.article.Published;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @Test
    void parse_isoDate_givesPlainDateWithoutTime() {
        Published p = Dates.parse("2019-03-01");

        assertThat(p.toString()).isEqualTo("2019-03-01");
        assertThat(p.date()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(p.dateTime()).isEmpty();
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
    }

    @Test
    void parse_offsetDateTime_isKeptAsGivenWithItsLocalDate() {
        Published p = Dates.parse("2019-03-01T23:30:00-05:00");

        assertThat(p.toString()).isEqualTo("2019-03-01T23:30:00-05:00");
        assertThat(p.date()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-02T04:30:00Z"));
    }

    @Test
    void parse_zuluDateTime_isUtc() {
        Published p = Dates.parse("2019-03-01T09:30:00Z");

        assertThat(p.toString()).isEqualTo("2019-03-01T09:30:00Z");
        assertThat(p.instant()).isEqualTo(Instant.parse("2019-03-01T09:30:00Z"));
    }

    @Test
    void parse_zonelessDateTime_isReadAsUtc() {
        Published p = Dates.parse("2019-03-01T23:30:00");

        assertThat(p.toString()).isEqualTo("2019-03-01T23:30:00Z");
        assertThat(p.date()).isEqualTo(LocalDate.of(2019, 3, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019-03-01T09:30:00+0100          | 2019-03-01T09:30:00+01:00
            2019-03-01T09:30:00.250-0530      | 2019-03-01T09:30:00.25-05:30
            2019-03-01T09:30-0500             | 2019-03-01T09:30:00-05:00
            2019-03-01T09:30:00+01:00         | 2019-03-01T09:30:00+01:00
            2019-03-01T09:30:00.123456789Z    | 2019-03-01T09:30:00.123456789Z
            """)
    void parse_isoOffsets_withOrWithoutColon(String text, String expected) {
        assertThat(Dates.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019-03-01 09:30:00               | 2019-03-01T09:30:00Z
            2019-03-01 09:30                  | 2019-03-01T09:30:00Z
            2019-03-01 09:30:00.5             | 2019-03-01T09:30:00.5Z
            2019-03-01 09:30:00 -0500         | 2019-03-01T09:30:00-05:00
            2019-03-01 09:30:00 +01:00        | 2019-03-01T09:30:00+01:00
            2019-03-01 09:30:00+0100          | 2019-03-01T09:30:00+01:00
            2019-03-01 09:30:00 +01           | 2019-03-01T09:30:00+01:00
            2019-03-01 09:30:00 Z             | 2019-03-01T09:30:00Z
            """)
    void parse_spaceSeparated_zonelessIsUtcAndOffsetIsKept(String text, String expected) {
        assertThat(Dates.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            19-OCT-1987 15:05:12.27           | 1987-10-19T15:05:12.27Z
            26-feb-1987 15:01:01.79           | 1987-02-26T15:01:01.79Z
            ' 5-MAR-1987 09:09:52.19'         | 1987-03-05T09:09:52.19Z
            3-Mar-1987 09:09:52               | 1987-03-03T09:09:52Z
            """)
    void parse_reuters_isUtcWithHundredths(String text, String expected) {
        assertThat(Dates.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'Fri, 01 Mar 2019 09:30:00 GMT'    | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 09:30:00 UT'     | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 09:30:00 UTC'    | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 09:30:00 Z'      | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 09:30:00 +0000'  | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 23:30:00 -0500'  | 2019-03-01T23:30:00-05:00
            'Tue, 3 Jun 2008 11:05:30 GMT'     | 2008-06-03T11:05:30Z
            'fri, 01 mar 2019 09:30:00 gmt'    | 2019-03-01T09:30:00Z
            'Fri, 01 Mar 2019 09:30 +0100'     | 2019-03-01T09:30:00+01:00
            01 Mar 2019 09:30:00 +0100         | 2019-03-01T09:30:00+01:00
            1 Mar 2019 09:30:00 GMT            | 2019-03-01T09:30:00Z
            """)
    void parse_rfc1123_withGmtUtOrNumericOffsetAndOptionalDayName(String text, String expected) {
        assertThat(Dates.parse(text).toString()).isEqualTo(expected);
    }

    @Test
    void parse_rfc1123WithOffset_keepsItsLocalDate() {
        assertThat(Dates.parse("Fri, 01 Mar 2019 23:30:00 -0500").date()).isEqualTo(LocalDate.of(2019, 3, 1));
    }

    @Test
    void parse_basicIsoDate_givesPlainDate() {
        Published p = Dates.parse("20190301");

        assertThat(p.toString()).isEqualTo("2019-03-01");
        assertThat(p.dateTime()).isEmpty();
    }

    @Test
    void parse_surroundingWhitespace_isIgnored() {
        assertThat(Dates.parse("  2019-03-01\n").toString()).isEqualTo("2019-03-01");
        assertThat(Dates.parse("\t2019-03-01T09:30:00Z ").toString()).isEqualTo("2019-03-01T09:30:00Z");
    }

    @Test
    void parse_unknownForm_throwsNamingTheText() {
        assertThatThrownBy(() -> Dates.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a date Lede can read: 'yesterday' (expected ISO-8601 such as 2019-03-01 or"
                        + " 2019-03-01T09:30:00Z, or RFC 1123 such as Fri, 01 Mar 2019 09:30:00 GMT)");
    }

    @Test
    void parse_impossibleDates_throwNamingTheText() {
        assertThatThrownBy(() -> Dates.parse("2019-02-30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a date Lede can read: '2019-02-30' ");
        assertThatThrownBy(() -> Dates.parse("2019-03-01T25:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a date Lede can read: '2019-03-01T25:00:00Z' ");
        assertThatThrownBy(() -> Dates.parse("32-OCT-1987 15:05:12.27"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a date Lede can read: '32-OCT-1987 15:05:12.27' ");
    }

    @Test
    void parse_emptyText_throwsNamingIt() {
        assertThatThrownBy(() -> Dates.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a date Lede can read: '' ");
    }
}
