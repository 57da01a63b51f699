package dev.inlet.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait a server asked for, and where it said so. Immutable.
 *
 * @param delay how long to wait before the next request (never negative)
 * @param source the field it came from ({@code Retry-After}, {@code RateLimit},
 *     {@code X-RateLimit-Reset} …, or {@code body} for an error reported in a body)
 */
public record WaitHint(Duration delay, String source) {

    /** Checks the parts. */
    public WaitHint {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(source, "source");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a wait hint must not be negative, was " + delay);
        }
    }
}
