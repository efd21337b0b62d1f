package dev.lede.internal.ingest;

import dev.lede.article.Published;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads publication dates in the forms news sources use: ISO-8601 (with offset or {@code Z}, without
 * zone, or a plain date), RFC 1123 as in RSS ({@code Tue, 3 Jun 2008 11:05:30 GMT}), {@code
 * yyyy-MM-dd HH:mm:ss} (also with an offset, as Jekyll front matter has it: {@code 2019-03-01
 * 09:30:00 -0500}), and Reuters-21578's {@code 19-OCT-1987 15:05:12.27}. A time without a zone
 * is read as UTC; a time with an offset keeps it, so the article keeps its own local date.
 */
public final class Dates {
    // A lenient "+HH" offset takes +01, +0100 and +01:00 alike.
    private static final DateTimeFormatter SPACE_SEPARATED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .parseLenient()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter REUTERS = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    // RFC 1123 with a day name optional and "UT"/"GMT"/"Z"/numeric offsets, as feeds write it.
    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart()
            .appendPattern("EEE, ")
            .optionalEnd()
            .appendPattern("d MMM yyyy HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.ROOT);

    private static final Pattern COMPACT_OFFSET =
            Pattern.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?[+-]\\d{2})(\\d{2})$");

    private static final List<String> UTC_NAMES = List.of(" GMT", " UT", " UTC", " Z");

    private Dates() {}

    /**
     * The publication date in {@code value}, or {@code null} when there is none or it cannot be
     * read, which is reported as a warning: the article is indexed undated.
     */
    static Published parseOrWarn(String value, String file, int position, ReportCollector report) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            report.warning(file, position, "published: " + e.getMessage() + "; indexed undated");
            return null;
        }
    }

    /**
     * The publication date in {@code text}.
     *
     * @throws IllegalArgumentException naming the text when no known form fits
     */
    public static Published parse(String text) {
        // ISO-8601 with an offset written without its colon (+0100), as many feeds do.
        String s = COMPACT_OFFSET.matcher(text.strip()).replaceFirst("$1:$2");
        try {
            return Published.parse(s);
        } catch (IllegalArgumentException notIso) {
            // try the other forms
        }
        try {
            TemporalAccessor t = SPACE_SEPARATED.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return Published.of(
                    t instanceof OffsetDateTime withOffset ? withOffset : ((LocalDateTime) t).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Published.of(LocalDateTime.parse(s, REUTERS).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Published.of(OffsetDateTime.from(RFC_1123.parse(withNumericUtc(s))));
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Published.of(
                    ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Published.of(LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date Lede can read: '" + text
                    + "' (expected ISO-8601 such as 2019-03-01 or 2019-03-01T09:30:00Z, or RFC 1123 such as"
                    + " Fri, 01 Mar 2019 09:30:00 GMT)");
        }
    }

    private static String withNumericUtc(String s) {
        for (String name : UTC_NAMES) {
            if (s.toUpperCase(Locale.ROOT).endsWith(name)) {
                return s.substring(0, s.length() - name.length()) + " +0000";
            }
        }
        return s;
    }
}
