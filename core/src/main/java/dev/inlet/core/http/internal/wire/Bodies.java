package dev.inlet.core.http.internal.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * The three ways an HTTP/1.1 body ends — after {@code Content-Length} bytes, after the last chunk, or
 * when the server closes — as streams over the connection's buffer. A body read to its end hands the
 * connection back (when the exchange allows reuse); a body closed early discards the connection,
 * unless the rest of it has already arrived (a JSON parser stops at the closing brace, before the last
 * chunk's marker): that is read from the buffer, without blocking, and the connection serves the next
 * request.
 */
final class Bodies {

    private Bodies() {
    }

    /** What happens to the connection when a body is done with. */
    interface Finish {
        /** @param reusable whether the body was read to its end and the connection may serve another */
        void done(boolean reusable);
    }

    /** A step that reads a body to its end; true if it got there. */
    interface Drain {
        boolean run() throws IOException;
    }

    /** Runs the drain over the bytes already buffered only; false if they were not enough, or broken. */
    static boolean drainBuffered(WireConnection connection, Drain drain) {
        connection.bufferedOnly = true;
        try {
            return drain.run();
        } catch (IOException | RuntimeException notReusable) {
            return false;
        } finally {
            connection.bufferedOnly = false;
        }
    }

    static InputStream empty(Finish finish) {
        finish.done(true);
        return InputStream.nullInputStream();
    }

    /** The base: single completion, reads after close fail, skipping reads. */
    private abstract static class Body extends InputStream {
        final WireConnection connection;
        final String what;
        private final Finish finish;
        private boolean finished;
        boolean closed;

        Body(WireConnection connection, String what, Finish finish) {
            this.connection = connection;
            this.what = what;
            this.finish = finish;
        }

        final void finish(boolean reusable) {
            if (!finished) {
                finished = true;
                finish.done(reusable);
            }
        }

        final void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("the response body of " + what + " is closed");
            }
        }

        private final byte[] one = new byte[1];

        @Override
        public final int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        abstract boolean atEnd();

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (atEnd()) {
                finish(true);
                return;
            }
            finish(drainBuffered(connection, this::drainQuietly));
        }

        /** Reads what is left (from the buffer only, see {@link #drainBuffered}); true if the body ended. */
        abstract boolean drainQuietly() throws IOException;
    }

    /** A body of a known length. */
    static final class Fixed extends Body {
        private long left;

        Fixed(WireConnection connection, long length, String what, Finish finish) {
            super(connection, what, finish);
            this.left = length;
            if (length == 0) {
                finish(true);
            }
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            checkOpen();
            if (left == 0) {
                return -1;
            }
            int n = connection.read(into, offset, (int) Math.min(length, left));
            if (n < 0) {
                finish(false);
                throw new WireProtocolException("the connection closed " + left + " bytes before the end of the "
                        + "response body of " + what + " (Content-Length)");
            }
            left -= n;
            if (left == 0) {
                finish(true);
            }
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(left, connection.buffered());
        }

        @Override
        boolean atEnd() {
            return left == 0;
        }

        @Override
        boolean drainQuietly() throws IOException {
            if (left > connection.buffered()) {
                return false;
            }
            byte[] sink = new byte[(int) Math.min(left, 8192)];
            while (left > 0) {
                int n = connection.read(sink, 0, (int) Math.min(sink.length, left));
                if (n < 0) {
                    return false;
                }
                left -= n;
            }
            return true;
        }
    }

    /** A body that ends when the server closes the connection (which then cannot be reused). */
    static final class UntilClose extends Body {
        private boolean ended;

        UntilClose(WireConnection connection, String what, Finish finish) {
            super(connection, what, finish);
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            checkOpen();
            if (ended) {
                return -1;
            }
            int n = connection.read(into, offset, length);
            if (n < 0) {
                ended = true;
                finish(false);
            }
            return n;
        }

        @Override
        public int available() {
            return connection.buffered();
        }

        @Override
        boolean atEnd() {
            return false; // never reusable
        }

        @Override
        boolean drainQuietly() {
            return false;
        }
    }
}
