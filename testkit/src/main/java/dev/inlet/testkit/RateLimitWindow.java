package dev.inlet.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed-window request limit with the headers real vendors send: every answer carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch
 * seconds); a request over the limit gets 429 with {@code Retry-After} (whole seconds, rounded up).
 */
final class RateLimitWindow {

    private final int limit;
    private final long windowNanos;
    private long windowStart = System.nanoTime();
    private int used;

    RateLimitWindow(int limit, Duration window) {
        if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new FakeApiConfigException("FakeApi.rateLimit(" + limit + ", " + window + "): invalid",
                    "pass a limit of 1 or more and a positive window, e.g. rateLimit(50, Duration.ofSeconds(1))");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts a request; the headers to send, and whether it is over the limit. */
    synchronized Map<String, String> admit(boolean[] over) {
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
        }
        used++;
        over[0] = used > limit;
        long leftNanos = windowNanos - (now - windowStart);
        long resetSeconds = Math.max(1, (leftNanos + 999_999_999L) / 1_000_000_000L);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(limit));
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, limit - used)));
        headers.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + resetSeconds));
        if (over[0]) {
            headers.put("Retry-After", String.valueOf(resetSeconds));
        }
        return headers;
    }
}
