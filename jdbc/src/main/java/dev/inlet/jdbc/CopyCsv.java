package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Writes records as the UTF-8 CSV rows of PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, straight into a
 * reused byte buffer that is handed to the COPY stream each time it fills. Streaming is the point: the server
 * parses and inserts one chunk while the next is being encoded, where building the whole page's text first
 * left the server idle for all of that time (the largest part of the COPY path's client time in the bench
 * profile). Values are checked by {@link ValueBinder#convert}, so the COPY path refuses what batched inserts
 * refuse; a timestamp already in the canonical UTC shape is written as it came, after the same check.
 *
 * <p>CSV rules kept here: NULL is an empty unquoted field; text is always quoted, with {@code "} doubled, so an
 * empty string stays one and a value {@code \.} is never read as the end-of-data marker; newlines, tabs,
 * commas and backslashes travel inside the quotes unchanged. A lone surrogate becomes {@code ?}, as the
 * driver's own encoder writes it for a bound parameter; U+0000, which PostgreSQL text cannot hold, is refused
 * with the column and page named (as the batched insert refuses it on PostgreSQL).
 */
final class CopyCsv {

    /** Where full chunks go: the driver's {@code CopyIn.writeToCopy}. */
    interface Chunks {
        void write(byte[] bytes, int length) throws SQLException;
    }

    /** Bytes per chunk: large enough that a chunk's call costs nothing, small enough to start the server early. */
    static final int CHUNK = 64 * 1024;
    /** Room kept free for the longest single write that is not a text value (a number, a timestamp). */
    private static final int SLACK = 128;

    private final byte[] buffer = new byte[CHUNK + SLACK];
    private int length;
    private Chunks out;

    /** Writes every record's row of these columns to {@code out}, the last partial chunk included. */
    void write(List<Column> columns, Collection<JsonNode> records, String where, Chunks out) throws SQLException {
        this.out = out;
        length = 0;
        boolean[] zonedText = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            zonedText[i] = TableColumns.isTimestamp(c) && !(c.type() == Types.TIMESTAMP && !ValueBinder.zoned(c.typeName()));
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
        if (length > 0) {
            out.write(buffer, length);
            length = 0;
        }
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
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                if (ch == 0) {
                    throw ValueBinder.nulInText(column, where);
                }
                if (ch == '"') {
                    put((byte) '"');
                }
                put((byte) ch);
            } else if (ch < 0x800) {
                put((byte) (0xC0 | ch >> 6));
                put((byte) (0x80 | ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, text.charAt(++i));
                put((byte) (0xF0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3F));
                put((byte) (0x80 | cp >> 6 & 0x3F));
                put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                put((byte) '?');
            } else {
                put((byte) (0xE0 | ch >> 12));
                put((byte) (0x80 | ch >> 6 & 0x3F));
                put((byte) (0x80 | ch & 0x3F));
            }
        }
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

    private void put(byte b) throws SQLException {
        if (length >= CHUNK) {
            flush();
        }
        buffer[length++] = b;
    }

    /** Makes room for {@code n} ≤ {@link #SLACK} bytes written in one piece: the buffer may run past CHUNK by that. */
    private void roomFor(int n) throws SQLException {
        if (length + n > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        out.write(buffer, length);
        length = 0;
    }
}
