package dev.lede.cli;

import dev.lede.query.Recency;
import dev.lede.query.SearchRequest;
import dev.lede.query.SortOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The search command's filters, sort and paging, turned into a {@link SearchRequest}. */
final class SearchControls {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)([hdw])");

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "Published on or after: a date (2024-01-31), a date-time with offset, or 7d / 24h / 2w ago.")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Published on or before (same forms as --since).")
    String until;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            split = ",",
            description = "Only these sources (repeat or comma-separate).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--author", paramLabel = "NAME", split = ",", description = "Only these authors.")
    List<String> authors = new ArrayList<>();

    @Option(names = "--topic", paramLabel = "NAME", split = ",", description = "Only these topics.")
    List<String> topics = new ArrayList<>();

    @Option(
            names = "--extra",
            paramLabel = "NAME=VALUE",
            description = "Only articles with this extra value (repeatable).")
    List<String> extra = new ArrayList<>();

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            defaultValue = "relevance",
            description = "relevance (default), newest or oldest.")
    SortOrder sort;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "1-based page (default: 1).")
    int page;

    @Option(
            names = "--after",
            paramLabel = "CURSOR",
            description = "The page after this cursor (printed with each page).")
    String after;

    @Option(names = "--exact-total", description = "Count every match instead of stopping at 1,000.")
    boolean exactTotal;

    @Option(
            names = "--recency",
            paramLabel = "HALF-LIFE",
            description = "Mix freshness into relevance: an age such as 7d, 24h or 2w at which it halves.")
    String recency;

    @Option(
            names = "--recency-weight",
            paramLabel = "SHARE",
            defaultValue = "0.3",
            description = "The share of the score freshness may take, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double recencyWeight;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description =
                    "Stop a search after this long and show what it found (default: ${DEFAULT-VALUE}; 0: no limit).")
    double timeoutSeconds;

    boolean hasFilters() {
        return since != null
                || until != null
                || !sources.isEmpty()
                || !authors.isEmpty()
                || !topics.isEmpty()
                || !extra.isEmpty();
    }

    /**
     * The request with these controls.
     *
     * @throws LedeCommand.CliException naming the bad option
     */
    SearchRequest apply(SearchRequest request, Clock clock) {
        try {
            if (!(timeoutSeconds >= 0 && timeoutSeconds <= 3600)) {
                throw new IllegalArgumentException("--timeout must be 0 to 3600 seconds, not " + timeoutSeconds);
            }
            SearchRequest r = request.sort(sort)
                    .page(page)
                    .exactTotal(exactTotal)
                    .timeout(Duration.ofNanos(Math.round(timeoutSeconds * 1e9)));
            if (since != null) {
                r = r.since(instant("--since", since, clock, false));
            }
            if (until != null) {
                r = r.until(instant("--until", until, clock, true));
            }
            if (!sources.isEmpty()) {
                r = r.source(sources.toArray(String[]::new));
            }
            if (!authors.isEmpty()) {
                r = r.author(authors.toArray(String[]::new));
            }
            if (!topics.isEmpty()) {
                r = r.topic(topics.toArray(String[]::new));
            }
            for (String pair : extra) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--extra wants NAME=VALUE, not '" + pair + "'");
                }
                r = r.extra(pair.substring(0, eq), pair.substring(eq + 1));
            }
            if (recency != null) {
                r = r.recency(Recency.halfLife(age("--recency", recency)).weight(recencyWeight));
            }
            return after == null ? r : r.after(after);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replace("since (", "--since (").replace("until (", "--until (");
            throw new LedeCommand.CliException(message, LedeCommand.USAGE);
        }
    }

    /** An age such as {@code 7d}, {@code 24h} or {@code 2w}, or {@code null} when the text is none. */
    static Duration parseAge(String value) {
        Matcher m = RELATIVE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static Duration age(String option, String value) {
        Duration age = parseAge(value);
        if (age == null || age.isZero()) {
            throw new IllegalArgumentException(option + " wants an age such as 7d, 24h or 2w, not '" + value + "'");
        }
        return age;
    }

    /** A date (its start, or its end for --until), a date-time, or an age like 7d. */
    static Instant instant(String option, String value, Clock clock, boolean endOfDay) {
        Duration ago = parseAge(value);
        if (ago != null) {
            return clock.instant().minus(ago);
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return endOfDay
                    ? date.plusDays(1)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant()
                            .minusMillis(1)
                    : date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " wants a date (2024-01-31), a date-time with offset"
                        + " (2024-01-31T09:00:00Z) or an age (7d, 24h, 2w), not '" + value + "'");
            }
        }
    }
}
