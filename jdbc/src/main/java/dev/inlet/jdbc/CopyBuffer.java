package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.sql.SQLException;

/**
 * The byte buffer a COPY encoder ({@link CopyCsv}, {@link CopyBinary}) writes rows into: reused for every page of
 * a run and handed to the COPY stream each time it fills, so the server parses and inserts one chunk while the
 * next is being encoded (building a page's whole text first left the server idle for all of that time).
 * Fixed-size values (numbers, timestamps) are written in one piece after {@link #roomFor}; text goes byte by
 * byte, so a chunk may end inside a character, which the stream does not mind.
 */
abstract class CopyBuffer {

    /** Where full chunks go: the driver's {@code CopyIn.writeToCopy}. */
    interface Chunks {
        void write(byte[] bytes, int length) throws SQLException;
    }

    /** Bytes per chunk: large enough that a chunk's call costs nothing, small enough to start the server early. */
    static final int CHUNK = 64 * 1024;
    /** Room kept past {@link #CHUNK} for the longest single fixed-size write. */
    static final int SLACK = 128;

    final byte[] buffer = new byte[CHUNK + SLACK];
    int length;
    private Chunks out;

    /** Starts a COPY's stream. */
    final void start(Chunks chunks) {
        out = chunks;
        length = 0;
    }

    /** Sends what is left: the last, partial chunk. */
    final void finish() throws SQLException {
        if (length > 0) {
            flush();
        }
    }

    final void put(byte b) throws SQLException {
        if (length >= CHUNK) {
            flush();
        }
        buffer[length++] = b;
    }

    /** Makes room for {@code n} ≤ {@link #SLACK} bytes written in one piece: the buffer may run past CHUNK by that. */
    final void roomFor(int n) throws SQLException {
        if (length + n > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        out.write(buffer, length);
        length = 0;
    }

    /**
     * The text as UTF-8, {@code "} doubled when {@code doubleQuotes} (CSV). A lone surrogate becomes {@code ?}, as
     * the driver's own encoder writes it for a bound parameter; U+0000, which PostgreSQL text cannot hold, is
     * refused with the column and page named (as the batched insert refuses it on PostgreSQL).
     */
    final void utf8(String text, boolean doubleQuotes, Column column, String where) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                if (ch == 0) {
                    throw ValueBinder.nulInText(column, where);
                }
                if (ch == '"' && doubleQuotes) {
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
    }

    /** The number of bytes {@link #utf8} writes for the text without doubling quotes. */
    static int utf8Length(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                n++;
            } else if (ch < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(ch)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
