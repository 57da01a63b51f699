package dev.inlet.core.http;

import dev.inlet.core.error.LimitExceededException;
import dev.inlet.core.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * A response body with a ceiling on its size ({@link ReadLimits#maxBodyBytes()}) and on the time
 * spent waiting for it ({@link ReadLimits#maxBodyTime()}). The stall guard fires only when no byte
 * comes; a server that sends whitespace for ever, or one byte a second, is stopped here.
 *
 * <p>Only the time inside {@code read} counts, measured on the pipeline's clock (so tests inject
 * one): a caller that takes long over each record is not the server's fault. A limit exceeded is a
 * {@link LimitExceededException}, thrown from {@code read} unchecked so that every reader above
 * (parsers, {@code readAllBytes}) passes it on unchanged.
 */
final class BodyLimiter extends InputStream {

    private final InputStream in;
    private final ReadLimits limits;
    private final Clock clock;
    private final String what;
    private final long maxTimeMillis;
    private long bytes;
    private long readingMillis;

    BodyLimiter(InputStream in, ReadLimits limits, Clock clock, Request request) {
        this.in = in;
        this.limits = limits;
        this.clock = clock;
        this.what = request.toString();
        this.maxTimeMillis = limits.maxBodyTime().toMillis();
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
        long allowed = limits.maxBodyBytes() - bytes;
        // One byte past the limit tells a body of exactly the limit from a longer one.
        int ask = (int) Math.min(length, allowed + 1);
        long start = clock.millis();
        int n;
        try {
            n = in.read(buffer, offset, ask);
        } finally {
            long spent = clock.millis() - start;
            if (spent > 0) {
                readingMillis += spent;
            }
        }
        if (n > 0) {
            bytes += n;
        }
        if (bytes > limits.maxBodyBytes()) {
            throw new LimitExceededException("The response body from " + what + " is larger than maxBodyBytes ("
                    + ReadLimits.describeBytes(limits.maxBodyBytes()) + "); stopped reading it after "
                    + seconds(readingMillis), "maxBodyBytes", bytes, "", null);
        }
        if (readingMillis > maxTimeMillis) {
            throw new LimitExceededException("Reading the response body from " + what + " took longer than maxBodyTime ("
                    + limits.maxBodyTime() + "): " + seconds(readingMillis) + " spent waiting for "
                    + ReadLimits.describeBytes(bytes) + " so far", "maxBodyTime", bytes, "", null);
        }
        return n;
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
