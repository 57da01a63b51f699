package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Writes records as the UTF-8 CSV rows of PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, chunk by chunk
 * (see {@link CopyBuffer}): the COPY path for tables with a column type {@link CopyBinary} does not write. Values
 * are checked by {@link ValueBinder#convert}, so the COPY path refuses what batched inserts
 * refuse; a timestamp already in the canonical UTC shape is written as it came, after the same check.
 *
 * <p>CSV rules kept here: NULL is an empty unquoted field; text is always quoted, with {@code "} doubled, so an
 * empty string stays one and a value {@code \.} is never read as the end-of-data marker; newlines, tabs,
 * commas and backslashes travel inside the quotes unchanged. A lone surrogate becomes {@code ?}, as the
 * driver's own encoder writes it for a bound parameter; U+0000, which PostgreSQL text cannot hold, is refused
 * with the column and page named (as the batched insert refuses it on PostgreSQL).
 */
final class CopyCsv extends CopyBuffer {

    /** Writes every record's row of these columns to {@code out}, the last partial chunk included. */
    void write(List<Column> columns, Collection<JsonNode> records, String where, Chunks out) throws SQLException {
        start(out);
        boolean[] zonedText = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            zonedText[i] = ValueBinder.zonedTimestamp(columns.get(i));
        }
        for (JsonNode record : records) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                Column column = columns.get(i);
                JsonNode value = TableWriter.field(record, column.name());
                if (zonedText[i] && value != null && value.isString() && IsoInstant.parseUtc(value.asString()).isPresent()) {
                    ascii(value.asString()); // checked exactly as convert would, and PostgreSQL reads it as it is
                } else {
                    append(ValueBinder.convert(column, value, where), column, where);
                }
            }
            put((byte) '\n');
        }
        finish();
    }

    private void append(Object value, Column column, String where) throws SQLException {
        if (value == null) {
            return;
        }
        if (value instanceof Long l) {
            number(l);
        } else if (value instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            ascii(IsoInstant.of(t.toEpochSecond(), t.getNano())); // the same instant, written without a formatter
        } else if (value instanceof String text) {
            text(text, column, where);
        } else {
            ascii(value.toString()); // Double, Boolean, ISO-8601 date and time values: PostgreSQL reads them as text
        }
    }

    /** A quoted text value, encoded as UTF-8 as it goes, chunk boundaries anywhere between bytes. */
    private void text(String text, Column column, String where) throws SQLException {
        put((byte) '"');
        utf8(text, true, column, where);
        put((byte) '"');
    }

    /** Text known to be ASCII (numbers, timestamps, dates, booleans): one byte per char, no array copied. */
    private void ascii(String text) throws SQLException {
        if (text.length() > SLACK) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                put(b);
            }
            return;
        }
        roomFor(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void number(long value) throws SQLException {
        roomFor(20);
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int at = length + digits - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }
}
