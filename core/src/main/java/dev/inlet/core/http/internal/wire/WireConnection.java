package dev.inlet.core.http.internal.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * One connection: the socket, a read buffer the head parser and the body streams share, and the
 * writer. The buffer exists only while a response is being read: it is taken when the response's first
 * byte has arrived (the wait for it reads one byte, bufferless) and dropped when the connection goes
 * back to the pool, so a request waiting for its answer, or an idle connection, holds no buffer —
 * thousands of waiting sources would otherwise hold thousands of buffers. Used by one exchange at a time. Reads during the response head are bounded by the exchange's
 * deadline (the socket's read timeout is set to what is left before each read); body reads have no
 * socket timeout — the pipeline's read-timeout watchdog closes a stalled body.
 */
final class WireConnection {

    private static final int BUFFER = 32 * 1024;

    final Origin origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer;
    private int position;
    private int limit;
    private long headDeadline;
    private boolean inHead;
    private volatile boolean closed;
    /** When it went back to the pool ({@link System#nanoTime()}). */
    long idleSince;
    /** Whether it served an exchange before (a reused connection may have been closed by the server). */
    boolean reused;

    WireConnection(Origin origin, Socket socket) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    OutputStream output() {
        return out;
    }

    /** Reads of the head end by this deadline ({@link System#nanoTime()}). */
    void startHead(long deadlineNanos) {
        headDeadline = deadlineNanos;
        inHead = true;
    }

    void endHead() throws IOException {
        inHead = false;
        socket.setSoTimeout(0);
    }

    /** Whether bytes arrived since the exchange started (before any, a reused connection may be stale). */
    boolean sawBytes;

    /**
     * While set, reads see only what is already buffered (the end of the buffer reads as the end of the
     * stream): closing a body drains what arrived without ever blocking — a close may come from the
     * read-timeout watchdog while a reader waits.
     */
    volatile boolean bufferedOnly;

    private boolean fill() throws IOException {
        if (bufferedOnly) {
            return false;
        }
        if (inHead) {
            long left = TimeUnit.NANOSECONDS.toMillis(headDeadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("timed out");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }
        if (buffer == null) {
            int first = in.read(); // waits without a buffer
            if (first < 0) {
                return false;
            }
            buffer = new byte[BUFFER];
            buffer[0] = (byte) first;
            int more = Math.min(in.available(), BUFFER - 1);
            int n = more > 0 ? in.read(buffer, 1, more) : 0;
            sawBytes = true;
            position = 0;
            limit = 1 + Math.max(0, n);
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        sawBytes = true;
        position = 0;
        limit = n;
        return true;
    }

    /** Drops the read buffer if nothing is left in it (the connection goes idle). */
    void releaseBuffer() {
        if (position == limit) {
            buffer = null;
            position = 0;
            limit = 0;
        }
    }

    /** The next byte, or -1 at the end of the stream. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    /** Up to {@code length} bytes; -1 at the end of the stream. */
    int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= BUFFER / 4 && !bufferedOnly && buffer != null) { // large reads go straight into the caller's array
                int n = in.read(into, offset, length);
                if (n > 0) {
                    sawBytes = true;
                }
                return n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    /** Bytes already buffered (readable without blocking). */
    int buffered() {
        return limit - position;
    }

    /**
     * One line up to CRLF (or LF), as ISO-8859-1 without the line end; null at the end of the stream
     * before any byte of it.
     *
     * @throws WireProtocolException if the line is longer than {@code maxLength}
     */
    String readLine(int maxLength, String what) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                throw new WireProtocolException("the connection closed in the middle of a line of the response to "
                        + what);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            boolean complete = position < limit;
            if (complete) {
                position++; // the LF
            }
            int length = end - start + (line == null ? 0 : line.length());
            if (length > maxLength) {
                throw new WireProtocolException("a line of the response head to " + what + " is longer than "
                        + maxLength + " bytes");
            }
            if (line == null && complete) {
                int trimmed = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
                return new String(buffer, start, trimmed - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            if (line == null) {
                line = new StringBuilder(Math.max(16, end - start));
            }
            for (int i = start; i < end; i++) {
                line.append((char) (buffer[i] & 0xff));
            }
            if (complete) {
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                return line.toString();
            }
        }
    }

    boolean isClosed() {
        return closed || socket.isClosed();
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }
}
