package dev.lede.internal.html;

import dev.lede.article.Published;
import dev.lede.internal.ingest.Dates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as pages write them: machine forms in metadata (ISO-8601 with or without an
 * offset, RFC 1123, {@code 2019/03/01}) and English datelines in text ({@code March 1, 2019},
 * {@code 1 Mar 2019}, {@code Mar. 1, 2019}). An offset is kept, so the page's own local date is
 * the date.
 */
final class PageDates {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern ISO_DAY = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b");

    // 10/31/2024 is month first, as in the US; 31.10.2024 is day first, as in Europe.
    private static final Pattern NUMERIC_US = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");
    private static final Pattern NUMERIC_EU =
            Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.])");

    private PageDates() {}

    /** The date in a metadata value, or {@code null} when none can be read. */
    static Published parseMachine(String value) {
        String s = Text.collapse(value);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Dates.parse(s);
        } catch (IllegalArgumentException | DateTimeException e) {
            // not a whole machine form; look for one inside
        }
        Matcher iso = ISO_DAY.matcher(s);
        if (iso.find()) {
            Published p = day(iso.group(1), iso.group(2), iso.group(3));
            if (p != null) {
                return p;
            }
        }
        return parseText(s);
    }

    /** The first English dateline in {@code text}, or {@code null}. */
    static Published parseText(String text) {
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        boolean a = mdy.find();
        boolean b = dmy.find();
        if (a && (!b || mdy.start() <= dmy.start())) {
            return day(mdy.group(3), month(mdy.group(1)), mdy.group(2));
        }
        if (b) {
            return day(dmy.group(3), month(dmy.group(2)), dmy.group(1));
        }
        Matcher iso = ISO_DAY.matcher(text);
        if (iso.find()) {
            return day(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher us = NUMERIC_US.matcher(text);
        if (us.find()) {
            Published p = day(us.group(3), us.group(1), us.group(2));
            // 15/12/2025 cannot be month first: then it is day first, as in Europe.
            return p != null ? p : day(us.group(3), us.group(2), us.group(1));
        }
        Matcher eu = NUMERIC_EU.matcher(text);
        return eu.find() ? day(eu.group(3), eu.group(2), eu.group(1)) : null;
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)));
    }

    private static Published day(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1990 || y > 2100) {
                return null;
            }
            return Published.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
