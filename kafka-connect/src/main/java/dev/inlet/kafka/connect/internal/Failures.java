package dev.inlet.kafka.connect.internal;

import dev.inlet.core.error.CircuitOpenException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.error.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * <b>Internal</b>: which failures Inlet gave up on are worth trying again later (the stream waits,
 * the task goes on), and for how long.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * How long to wait before the page is tried again, if the failure is transient (rate limited, an
     * open circuit, a transport error, HTTP 408, 429 or 5xx); empty if trying again cannot help.
     */
    public static Optional<Duration> retryAfter(InletException e, Duration backoff, Instant now) {
        if (e instanceof RateLimitedException limited) {
            return Optional.of(max(limited.retryAfter(), backoff));
        }
        if (e instanceof CircuitOpenException open) {
            return Optional.of(max(Duration.between(now, open.retryAt()), backoff));
        }
        if (e instanceof TransportException) {
            return Optional.of(backoff);
        }
        if (e instanceof HttpStatusException status) {
            int code = status.status();
            if (code == 408 || code == 429 || code >= 500) {
                return Optional.of(backoff);
            }
        }
        return Optional.empty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
