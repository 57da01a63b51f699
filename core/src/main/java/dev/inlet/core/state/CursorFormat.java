package dev.inlet.core.state;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How an incremental cursor field is written, so values can be compared and a lookback subtracted.
 * Every format is compared as a point in time; the value handed to the connector factory (the
 * "since") is written in the same format.
 */
public enum CursorFormat {

    /**
     * ISO-8601 date-time with an offset or {@code Z}, as JSON text: {@code 2026-03-01T10:15:30Z},
     * {@code 2026-03-01T11:15:30.5+01:00}. Compared as instants (so different offsets compare
     * correctly); the since value is written in UTC, {@code 2026-03-01T10:15:30Z}.
     */
    ISO_INSTANT,

    /** Seconds since 1970-01-01T00:00:00Z, as a JSON number or numeric text; since written as digits. */
    EPOCH_SECONDS,

    /** Milliseconds since 1970-01-01T00:00:00Z, as a JSON number or numeric text; since written as digits. */
    EPOCH_MILLIS;

    /** Reads a cursor value from a record's field; empty if it is missing or not in this format. */
    Optional<Instant> read(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return this == ISO_INSTANT && !value.isString() ? Optional.empty() : parse(value.asString());
    }

    /** Reads a cursor value from its text; empty if it is not in this format. */
    Optional<Instant> parse(String text) {
        try {
            switch (this) {
                case ISO_INSTANT:
                    return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
                case EPOCH_SECONDS:
                    return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.trim())));
                default:
                    return Optional.of(Instant.ofEpochMilli(Long.parseLong(text.trim())));
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of a value in this format. */
    String format(Instant value) {
        switch (this) {
            case ISO_INSTANT:
                return value.toString();
            case EPOCH_SECONDS:
                return Long.toString(value.getEpochSecond());
            default:
                return Long.toString(value.toEpochMilli());
        }
    }

    /** The value minus the lookback, in canonical text. */
    String minus(Instant value, Duration lookback) {
        return format(value.minus(lookback));
    }
}
