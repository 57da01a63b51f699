package dev.inlet.core.ratelimit;

import dev.inlet.core.Headers;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.testing.FakeClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory API with a fixed-window request budget on the fake clock: {@code quota} requests per
 * {@code window}, reported in {@code X-RateLimit-*} fields with a {@code Date}; beyond the quota it
 * answers 429 with {@code Retry-After}. Answers take no time. Thread-safe.
 */
final class FakeServer implements Transport {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final FakeClock clock;
    private final int quota;
    private final Duration window;
    private long windowIndex = -1;
    private int used;
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final List<Instant> served = new ArrayList<>();

    FakeServer(FakeClock clock, int quota, Duration window) {
        this.clock = clock;
        this.quota = quota;
        this.window = window;
    }

    @Override
    public synchronized Response send(Request request, Duration timeout) {
        Instant now = clock.instant();
        long index = now.toEpochMilli() / window.toMillis();
        if (index != windowIndex) {
            windowIndex = index;
            used = 0;
        }
        Instant reset = Instant.ofEpochMilli((index + 1) * window.toMillis());
        Headers.Builder headers = Headers.builder().add("Date", HTTP_DATE.format(now.truncatedTo(ChronoUnit.SECONDS)))
                .add("X-RateLimit-Limit", Integer.toString(quota))
                .add("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
        int status;
        if (used < quota) {
            used++;
            status = 200;
            ok.incrementAndGet();
            served.add(now);
        } else {
            status = 429;
            throttled.incrementAndGet();
            headers.add("Retry-After", Long.toString(Duration.between(now, reset).toSeconds() + 1));
        }
        headers.add("X-RateLimit-Remaining", Integer.toString(quota - used));
        return new Response(request, status, headers.build(),
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), now, Duration.ZERO);
    }
}
