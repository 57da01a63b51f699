package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Binds a JSON value to a column's parameter, refusing anything that would be truncated or cast: a fraction
 * into an integer column, more decimal digits than the column's scale, text into a number, an unparseable
 * timestamp. The error names the table, column and record key and says what to change.
 */
final class ValueBinder {

    /** PostgreSQL's numeric limits (the widest of the supported databases): digits before and after the point. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_SCALE = 16_383;

    private ValueBinder() {
    }

    /**
     * Binds {@code value} (null or missing for SQL NULL) for {@code column} at parameter {@code index}; on PostgreSQL
     * ({@code postgres}) a text holding U+0000 is refused (its text cannot hold it) and json/jsonb values and their
     * NULLs go untyped, so the server converts them (it refuses a varchar for a jsonb column).
     */
    public static void bind(PreparedStatement ps, int index, Column column, JsonNode value, String where,
            boolean postgres) throws SQLException {
        Object v = convert(column, value, where);
        boolean untyped = postgres && column.type() == Types.OTHER;
        if (postgres && v instanceof String text && text.indexOf(0) >= 0) {
            throw nulInText(column, where);
        }
        if (v == null) {
            ps.setNull(index, untyped ? Types.OTHER : column.type() == Types.OTHER ? Types.VARCHAR : column.type());
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (v instanceof String text && untyped) {
            ps.setObject(index, text, Types.OTHER);
        } else if (v instanceof String text) {
            ps.setString(index, text);
        } else {
            ps.setObject(index, v);
        }
    }

    /**
     * The value as the Java object the column takes: {@code Long}, {@code BigDecimal}, {@code Double},
     * {@code Boolean}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code LocalDate} or {@code String}; null for
     * SQL NULL. Shared by the batched insert and the bulk paths, so both refuse the same values.
     */
    public static Object convert(Column column, JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (TableColumns.isInteger(column)) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw refuse(column, value, where, "an integer");
            }
            return value.longValue();
        } else if (TableColumns.isDecimal(column)) {
            if (!value.isNumber()) {
                throw refuse(column, value, where, "a number");
            }
            BigDecimal d = value.decimalValue();
            if (d.scale() > MAX_SCALE || d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
                // also what keeps "1e1000000000" from being written out as a billion digits
                throw new JdbcConfigurationException(where + ": " + shorten(value.toString()) + " for column "
                        + column.name() + " has more digits than any SQL numeric holds (PostgreSQL: "
                        + MAX_INTEGER_DIGITS + " before the point, " + MAX_SCALE + " after); round or reject it in a "
                        + "RecordMapper");
            }
            boolean bounded = column.size() > 0 && column.size() < 1000;
            if (bounded && d.scale() > column.scale()) {
                d = d.stripTrailingZeros();
            }
            if (bounded && (d.scale() > column.scale() || d.precision() - d.scale() > column.size() - column.scale())) {
                throw new JdbcConfigurationException(where + ": " + value + " does not fit column " + column.name() + " "
                        + column.typeName() + "(" + column.size() + "," + column.scale() + ") without rounding; "
                        + "widen the column (e.g. NUMERIC with more scale) or round the value in a RecordMapper");
            }
            return d;
        } else if (TableColumns.isFloating(column)) {
            if (!value.isNumber()) {
                throw refuse(column, value, where, "a number");
            }
            return value.doubleValue();
        } else if (TableColumns.isBoolean(column)) {
            if (!value.isBoolean()) {
                throw refuse(column, value, where, "true or false");
            }
            return value.booleanValue();
        } else if (TableColumns.isTimestamp(column)) {
            return timestamp(column, value, where);
        } else if (column.type() == Types.DATE) {
            try {
                return LocalDate.parse(value.asString());
            } catch (DateTimeParseException e) {
                throw refuse(column, value, where, "an ISO-8601 date");
            }
        } else if (TableColumns.isText(column)) {
            return value.isString() ? value.asString() : value.toString();
        }
        throw new JdbcConfigurationException(where + ": column " + column.name() + " has type " + column.typeName()
                + ", which the sink cannot write from JSON; change the column to text, a number, boolean, date "
                + "or timestamp, or leave it out of the records");
    }

    private static Object timestamp(Column column, JsonNode value, String where) {
        if (!value.isString()) {
            throw refuse(column, value, where, "an ISO-8601 timestamp text");
        }
        String text = value.asString();
        try {
            if (!zonedTimestamp(column)) {
                return LocalDateTime.parse(text);
            }
            Optional<OffsetDateTime> utc = IsoInstant.parseUtc(text); // the common shape, without the general parser
            return utc.isPresent() ? utc.get() : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw refuse(column, value, where, "an ISO-8601 timestamp");
            }
        }
    }

    /**
     * Whether a timestamp column holds instants ({@code TIMESTAMP WITH TIME ZONE}, or a driver's {@code TIMESTAMP}
     * named like {@code timestamptz}), so its values are converted to {@code OffsetDateTime}, not
     * {@code LocalDateTime}.
     */
    static boolean zonedTimestamp(Column column) {
        return TableColumns.isTimestamp(column) && !(column.type() == Types.TIMESTAMP && !zoned(column.typeName()));
    }

    /** Whether a type name says "tz" in any case (timestamptz), without lower-casing a copy per value. */
    private static boolean zoned(String typeName) {
        for (int i = 0; i + 2 <= typeName.length(); i++) {
            if (typeName.regionMatches(true, i, "tz", 0, 2)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error for a text holding U+0000 where the database's text cannot (PostgreSQL refuses it with "invalid
     * byte sequence", naming neither the column nor the page); raised before the database is asked.
     */
    static JdbcConfigurationException nulInText(Column column, String where) {
        return new JdbcConfigurationException(where + ": a value for column " + column.name() + " (" + column.typeName()
                + ") holds the character U+0000 (NUL), which PostgreSQL text cannot store; remove or replace it in a "
                + "RecordMapper, or keep the field as JSON in a bytea column");
    }

    private static String shorten(String shown) {
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }

    private static JdbcConfigurationException refuse(Column column, JsonNode value, String where, String expected) {
        return new JdbcConfigurationException(where + ": column " + column.name() + " (" + column.typeName()
                + ") needs " + expected + ", got " + shorten(value.toString())
                + "; change the column's type or convert the field in a RecordMapper");
    }
}
