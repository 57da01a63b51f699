package dev.inlet.rest.decode;

import dev.inlet.core.http.BodyExcerpt;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while keeping its first bytes, so a decoding error can quote how the body
 * started without buffering it. Also peeks the first non-whitespace byte for format sniffing.
 */
public final class ExcerptingInputStream extends FilterInputStream {

    private static final int KEEP = 256;

    private final byte[] head = new byte[KEEP];
    private int kept;
    private boolean eof;

    /** Wraps a body stream. */
    public ExcerptingInputStream(InputStream body) {
        super(body.markSupported() ? body : new java.io.BufferedInputStream(body, 8192));
    }

    /**
     * The first non-whitespace byte, without consuming it; -1 for an empty body.
     *
     * @throws IOException if reading fails
     */
    public int peekFirstByte() throws IOException {
        in.mark(KEEP);
        try {
            for (int i = 0; i < KEEP; i++) {
                int b = in.read();
                if (b == -1) {
                    return -1;
                }
                if (b == 0xEF || b == 0xBB || b == 0xBF || !Character.isWhitespace(b)) {
                    if (b != 0xEF && b != 0xBB && b != 0xBF) {
                        return b;
                    }
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /**
     * The first bytes of the body, quoted, for messages. Reads them if they were not read yet, so
     * call it only when the body is being abandoned (an error), never mid-decoding.
     */
    public String excerpt() {
        try {
            while (kept < BodyExcerpt.DEFAULT_BYTES && !eof) {
                if (read(new byte[BodyExcerpt.DEFAULT_BYTES - kept]) < 0) {
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
        int b = in.read();
        eof |= b == -1;
        if (b != -1 && kept < KEEP) {
            head[kept++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        eof |= n == -1;
        if (n > 0 && kept < KEEP) {
            int copy = Math.min(n, KEEP - kept);
            System.arraycopy(buffer, offset, head, kept, copy);
            kept += copy;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }
}
