package dev.lede.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When an article was published, as precise as its source said: a date-time with its UTC offset,
 * or a plain date.
 *
 * <p>{@link #toString()} gives ISO-8601 in the form the source gave ({@code 2019-03-01} or
 * {@code 2019-03-01T09:30:00-05:00}). Filtering and sorting use {@link #instant()}, where a plain
 * date counts as its start in UTC. Immutable and thread-safe.
 */
public final class Published implements Comparable<Published> {
    private final LocalDate date;
    private final OffsetDateTime dateTime;

    private Published(LocalDate date, OffsetDateTime dateTime) {
        this.date = date;
        this.dateTime = dateTime;
    }

    /** A publication known to the day. */
    public static Published of(LocalDate date) {
        return new Published(Objects.requireNonNull(date, "date"), null);
    }

    /** A publication known to the second (or finer), with the offset the source gave. */
    public static Published of(OffsetDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return new Published(dateTime.toLocalDate(), dateTime);
    }

    /**
     * Parses ISO-8601: a date ({@code 2019-03-01}), a date-time with an offset or {@code Z}, or a
     * date-time without a zone, which is read as UTC.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static Published parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        try {
            if (s.length() <= 10) {
                return of(LocalDate.parse(s));
            }
            try {
                return of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeParseException noOffset) {
                return of(LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atOffset(ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date or date-time: '" + text
                    + "' (expected e.g. 2019-03-01 or 2019-03-01T09:30:00Z)");
        }
    }

    /** The day of publication, in the source's own offset. */
    public LocalDate date() {
        return date;
    }

    /** The date-time with its offset, when the source gave a time. */
    public Optional<OffsetDateTime> dateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** The instant used for filtering and sorting: a plain date is its start in UTC. */
    public Instant instant() {
        return dateTime != null
                ? dateTime.toInstant()
                : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public int compareTo(Published other) {
        return instant().compareTo(other.instant());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Published p && date.equals(p.date) && Objects.equals(dateTime, p.dateTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, dateTime);
    }

    /** ISO-8601, as precise as the source: {@code 2019-03-01} or {@code 2019-03-01T09:30:00-05:00}. */
    @Override
    public String toString() {
        return dateTime != null ? dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : date.toString();
    }
}
