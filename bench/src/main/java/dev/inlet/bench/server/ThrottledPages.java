package dev.inlet.bench.server;

import dev.inlet.bench.data.Records;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endless cursor-paginated endpoint behind a token bucket: {@code rate} requests per second with
 * a burst of {@code capacity}, full at the start; every other request gets 429 with
 * {@code Retry-After: 1}, as rate-limited APIs answer. Counts the requests let through and refused
 * until {@link #countUntil(long)} ends the counting window. Thread-safe.
 */
public final class ThrottledPages implements LoopbackServer.Handler {

    private static final byte[] OPEN = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);

    private final double rate;
    private final double capacity;
    private final byte[] block;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private volatile long countUntil = Long.MAX_VALUE;
    private final AtomicLong allowed = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    /** A bucket of {@code rate} per second and {@code capacity} burst; pages of {@code perPage} records. */
    public ThrottledPages(double rate, double capacity, int perPage) {
        this.rate = rate;
        this.capacity = capacity;
        this.tokens = capacity;
        this.block = Records.commaSeparated(0, perPage);
    }

    @Override
    public Reply handle(Exchange exchange) {
        boolean counted = System.nanoTime() < countUntil;
        if (!take()) {
            if (counted) {
                throttled.incrementAndGet();
            }
            return Reply.empty(429, "Retry-After", "1");
        }
        if (counted) {
            allowed.incrementAndGet();
        }
        String cursor = exchange.query("cursor");
        long page = cursor == null ? 0 : Long.parseLong(cursor.substring(1));
        byte[] tail = ("],\"next_cursor\":\"c" + (page + 1) + "\"}").getBytes(StandardCharsets.US_ASCII);
        return Reply.json(OPEN, block, tail);
    }

    private synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Stops counting at this {@link System#nanoTime()} (requests after it are served, not counted). */
    public void countUntil(long nanoTime) {
        this.countUntil = nanoTime;
    }

    /** Requests let through in the window. */
    public long allowed() {
        return allowed.get();
    }

    /** Requests refused with 429 in the window. */
    public long throttled() {
        return throttled.get();
    }
}
