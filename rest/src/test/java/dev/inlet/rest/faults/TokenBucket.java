package dev.inlet.rest.faults;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock extension that lets {@code rate} requests per second through a token bucket of
 * {@code capacity} (full at the start) and answers every other request 429 with
 * {@code Retry-After: 1}. Counts both, and the first and last time a request got through.
 * Thread-safe.
 */
final class TokenBucket implements ResponseDefinitionTransformerV2 {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long refilledAt = System.nanoTime();
    final AtomicInteger allowed = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    private volatile long firstAllowedAt;
    private volatile long lastAllowedAt;

    TokenBucket(double rate, double capacity) {
        this.rate = rate;
        this.capacity = capacity;
        this.tokens = capacity;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (take()) {
            return serveEvent.getResponseDefinition();
        }
        throttled.incrementAndGet();
        return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1").build();
    }

    private synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * rate);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        if (allowed.incrementAndGet() == 1) {
            firstAllowedAt = now;
        }
        lastAllowedAt = now;
        return true;
    }

    /** Requests let through per second, between the first and the last one let through. */
    double achievedRate() {
        return (allowed.get() - 1) / ((lastAllowedAt - firstAllowedAt) / 1e9);
    }

    @Override
    public String getName() {
        return "token-bucket";
    }
}
