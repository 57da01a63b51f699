package dev.inlet.jdbc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Incremental cursor values: ISO-8601 instants compared as time, numbers as numbers; never as text. */
final class CursorValues {

    private CursorValues() {
    }

    /** The greater of the saved cursor and the records' cursor values. */
    public static Optional<String> max(Optional<String> saved, List<JsonNode> records, String field, String where) {
        String best = saved.orElse(null);
        for (JsonNode r : records) {
            JsonNode v = r.get(field);
            if (v == null || v.isNull()) {
                throw new JdbcConfigurationException(where + ": a record has no cursor field '" + field
                        + "'; an incremental sync needs it on every record (NOT NULL in the source)");
            }
            String text = v.isString() ? v.asString() : v.toString();
            if (best == null || compare(text, best) > 0) {
                best = text;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The cursor moved back by the lookback (a number stays as is: the lookback is a duration). */
    public static String minus(String cursor, Duration lookback) {
        Optional<Instant> at = instant(cursor);
        return at.map(i -> i.minus(lookback).toString()).orElse(cursor);
    }

    static int compare(String a, String b) {
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

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
