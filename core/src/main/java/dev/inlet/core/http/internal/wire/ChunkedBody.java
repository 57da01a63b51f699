package dev.inlet.core.http.internal.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code Transfer-Encoding: chunked} body: chunk sizes are hexadecimal lines (extensions ignored,
 * at most 15 digits), each chunk followed by CRLF, the last (size 0) by trailer fields that are read
 * and dropped, within the head's limits.
 */
final class ChunkedBody extends InputStream {

    private static final int MAX_SIZE_LINE = 8 * 1024;

    private final WireConnection connection;
    private final String what;
    private final Bodies.Finish finish;
    private final byte[] one = new byte[1];
    private long leftInChunk;
    private boolean ended;
    private boolean finished;
    private boolean closed;

    ChunkedBody(WireConnection connection, String what, Bodies.Finish finish) {
        this.connection = connection;
        this.what = what;
        this.finish = finish;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the response body of " + what + " is closed");
        }
        if (length == 0) {
            return 0;
        }
        if (leftInChunk == 0 && !ended) {
            nextChunk();
        }
        if (ended) {
            return -1;
        }
        int n = connection.read(into, offset, (int) Math.min(length, leftInChunk));
        if (n < 0) {
            done(false);
            throw new WireProtocolException("the connection closed in the middle of a chunk of the response body of "
                    + what);
        }
        leftInChunk -= n;
        if (leftInChunk == 0) {
            endOfChunk();
        }
        return n;
    }

    private void nextChunk() throws IOException {
        String line = connection.readLine(MAX_SIZE_LINE, what);
        if (line == null) {
            done(false);
            throw new WireProtocolException("the connection closed before the end of the chunked response body of "
                    + what);
        }
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            done(false);
            throw new WireProtocolException("a malformed chunk size in the response body of " + what + ": "
                    + ResponseHead.excerpt(line));
        }
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            done(false);
            throw new WireProtocolException("a malformed chunk size in the response body of " + what + ": "
                    + ResponseHead.excerpt(line));
        }
        if (size < 0) {
            done(false);
            throw new WireProtocolException("a negative chunk size in the response body of " + what);
        }
        if (size == 0) {
            trailers();
            ended = true;
            done(true);
            return;
        }
        leftInChunk = size;
    }

    private void endOfChunk() throws IOException {
        String crlf = connection.readLine(2, what);
        if (crlf == null || !crlf.isEmpty()) {
            done(false);
            throw new WireProtocolException("a chunk of the response body of " + what + " is longer than its size");
        }
    }

    private void trailers() throws IOException {
        int total = 0;
        while (true) {
            String line = connection.readLine(ResponseHead.MAX_LINE, what);
            if (line == null) {
                done(false);
                throw new WireProtocolException("the connection closed in the trailer of the response body of " + what);
            }
            if (line.isEmpty()) {
                return;
            }
            total += line.length() + 2;
            if (total > ResponseHead.MAX_HEAD) {
                done(false);
                throw new WireProtocolException("the trailer of the response body of " + what + " is larger than "
                        + ResponseHead.MAX_HEAD / 1024 + " KiB");
            }
        }
    }

    @Override
    public int available() {
        return ended ? 0 : (int) Math.min(leftInChunk, connection.buffered());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // What is left (often just the last chunk's marker) is read if it has arrived: the connection can
        // then serve another request.
        boolean reusable = ended || Bodies.drainBuffered(connection, () -> {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // dropped
            }
            return ended;
        });
        closed = true;
        done(reusable);
    }

    private void done(boolean reusable) {
        if (!finished) {
            finished = true;
            finish.done(reusable);
        }
    }
}
