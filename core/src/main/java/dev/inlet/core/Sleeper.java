package dev.inlet.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

    /**
     * A future that completes once the duration has passed, for asynchronous calls
     * ({@link dev.inlet.core.http.HttpPipeline#sendAsync}) that must not hold a thread while they wait.
     * The default runs {@link #sleep} on the calling thread and returns a completed future: right for
     * a sleeper that only advances a fake clock. {@link #system()} waits on a timer instead, and
     * continues on Inlet's shared waiting executor (virtual threads on Java 21+, else a small daemon
     * pool), never on the timer's thread. The future fails with the {@link InterruptedException} if
     * {@link #sleep} is interrupted.
     */
    default CompletableFuture<Void> delay(Duration duration) {
        try {
            sleep(duration);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The real sleeper: {@link Thread#sleep(long, int)}, and a timer for {@link #delay}. */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
