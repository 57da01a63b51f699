package dev.inlet.jdbc;

import dev.inlet.core.state.CursorFormat;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Incremental cursor values, never compared as text. Without a {@link CursorFormat}: ISO-8601 instants as time,
 * anything else as numbers (a lookback moves only instants). With one, as core's {@code IncrementalSync} reads
 * them: every value is a point in time in that format (epoch seconds or milliseconds too, so the lookback moves
 * them), and a value further after now than the tolerance is not kept (a sentinel such as {@code 9999-12-31}
 * stored as the cursor would make every later run ask for nothing).
 */
final class CursorValues {

    private final String field;
    private final CursorFormat format;
    private final Duration futureTolerance;

    /**
     * @param field a top-level field name, or a JSON Pointer (starting with {@code /})
     * @param format the cursor's format, or null to tell instants and numbers apart by their text
     * @param futureTolerance how far after now a cursor may lie and still be kept (with a format)
     */
    CursorValues(String field, CursorFormat format, Duration futureTolerance) {
        this.field = field;
        this.format = format;
        this.futureTolerance = futureTolerance;
    }

    /**
     * The greater of the saved cursor and the records' cursor values; a value beyond now plus the tolerance (with a
     * format) is passed over, and counted in {@code future}.
     */
    Optional<String> max(Optional<String> saved, List<JsonNode> records, String where, Instant now, long[] future) {
        String best = saved.orElse(null);
        for (JsonNode r : records) {
            JsonNode v = field.startsWith("/") ? r.at(field) : r.get(field);
            if (v == null || v.isNull() || v.isMissingNode()) {
                throw new JdbcConfigurationException(where + ": a record has no cursor field '" + field
                        + "'; an incremental sync needs it on every record (NOT NULL in the source)");
            }
            String text = v.isString() ? v.asString() : v.toString();
            if (format != null) {
                Instant at = parse(text).orElseThrow(() -> new JdbcConfigurationException(where + ": cursor field '"
                        + field + "' holds '" + text + "', which is not " + format + "; fix the sink's cursorFormat"));
                if (at.isAfter(now.plus(futureTolerance))) {
                    future[0]++;
                    continue;
                }
            }
            if (best == null || compare(text, best) > 0) {
                best = text;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The cursor moved back by the lookback: in the cursor's format, or unchanged for a number without one. */
    String minus(String cursor, Duration lookback) {
        if (format == null) {
            return instant(cursor).map(i -> i.minus(lookback).toString()).orElse(cursor);
        }
        Instant at = parse(cursor).orElseThrow(() -> new JdbcConfigurationException("the saved cursor '" + cursor
                + "' is not " + format + "; the cursor format changed since it was saved: restore it, or delete the "
                + "state row to load again from the start"));
        Instant back = at.minus(lookback);
        return switch (format) {
            case EPOCH_SECONDS -> Long.toString(back.getEpochSecond());
            case EPOCH_MILLIS -> Long.toString(back.toEpochMilli());
            default -> back.toString();
        };
    }

    int compare(String a, String b) {
        if (format != null) {
            return parse(a).orElseThrow().compareTo(parse(b).orElseThrow());
        }
        Optional<Instant> x = instant(a);
        Optional<Instant> y = instant(b);
        if (x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get());
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            throw new JdbcConfigurationException("cursor values '" + a + "' and '" + b + "' are neither both ISO-8601 "
                    + "instants nor both numbers; use a timestamp or numeric cursor column");
        }
    }

    private Optional<Instant> parse(String text) {
        try {
            return switch (format) {
                case EPOCH_SECONDS -> Optional.of(Instant.ofEpochSecond(Long.parseLong(text.trim())));
                case EPOCH_MILLIS -> Optional.of(Instant.ofEpochMilli(Long.parseLong(text.trim())));
                default -> instant(text);
            };
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
