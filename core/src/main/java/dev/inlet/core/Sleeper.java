package dev.inlet.core;

import java.time.Duration;

/**
 * Waits. Everything in Inlet that waits (retry backoff, rate limits, schedulers) does so through a
 * {@code Sleeper}, so tests substitute one that advances a fake clock instead of really waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the duration; returns at once for zero or negative durations.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper, {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
            }
        };
    }
}
