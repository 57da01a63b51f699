package dev.inlet.rest.internal;

import dev.inlet.core.http.internal.BodyExcerpt;
import java.io.IOException;
import java.io.InputStream;

/** <b>Internal</b> (not API; see the package).
 * Passes a body through while keeping its first bytes, so a decoding error can quote how the body
 * started without buffering it, and lets the caller peek at the first non-whitespace byte (to sniff
 * a format) without consuming it. Past the first bytes, reads go straight to the underlying stream:
 * no second buffer, no extra copy.
 */
public final class ExcerptingInputStream extends InputStream {

    private static final int KEEP = 256;

    private final InputStream in;
    private final byte[] head = new byte[KEEP];
    /** Bytes of the body kept in {@code head}. */
    private int kept;
    /** How many of the kept bytes the reader has consumed; below {@code peeked} they are replayed. */
    private int position;
    /** Bytes read ahead by {@link #peekFirstByte()} that the reader has not seen yet end here. */
    private int peeked;
    private boolean eof;

    /** Wraps a body stream. */
    public ExcerptingInputStream(InputStream body) {
        this.in = body;
    }

    /**
     * The first non-whitespace byte (a UTF-8 byte-order mark skipped), without consuming anything;
     * -1 for an empty or all-blank start. Call it before reading.
     *
     * @throws IOException if reading fails
     */
    public int peekFirstByte() throws IOException {
        int i = 0;
        while (true) {
            if (i == kept) {
                if (kept == KEEP || eof) {
                    return -1;
                }
                int n = in.read(head, kept, KEEP - kept);
                if (n < 0) {
                    eof = true;
                    return -1;
                }
                kept += n;
                peeked = kept;
            }
            int b = head[i++] & 0xff;
            if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                return b;
            }
        }
    }

    /**
     * The first bytes of the body, quoted, for messages. Reads them if they were not read yet, so
     * call it only when the body is being abandoned (an error), never mid-decoding.
     */
    public String excerpt() {
        try {
            byte[] sink = new byte[BodyExcerpt.DEFAULT_BYTES];
            while (kept < BodyExcerpt.DEFAULT_BYTES && !eof) {
                if (read(sink, 0, sink.length) < 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The excerpt is a courtesy in an error message: show what we have.
        }
        return kept == 0 ? "" : BodyExcerpt.of(head, Math.min(kept, BodyExcerpt.DEFAULT_BYTES));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position < peeked) {
            int n = Math.min(length, peeked - position);
            System.arraycopy(head, position, buffer, offset, n);
            position += n;
            return n;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            eof = true;
            return n;
        }
        if (kept < KEEP) {
            int copy = Math.min(n, KEEP - kept);
            System.arraycopy(buffer, offset, head, kept, copy);
            kept += copy;
            position = kept;
            peeked = kept;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return position < peeked ? peeked - position : in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
