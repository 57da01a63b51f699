package dev.inlet.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real sleeper behind {@link Sleeper#system()}: {@link Thread#sleep} for threads, a timer for delays. */
final class SystemSleeper implements Sleeper {

    static final SystemSleeper INSTANCE = new SystemSleeper();

    private SystemSleeper() {
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        // The JDK's one timer thread only hands the continuation to the waiting executor: a link that
        // blocks briefly afterwards (a token renewal) never stalls every other delay.
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS,
                        dev.inlet.core.internal.WaitingThreads.shared()));
    }

    @Override
    public String toString() {
        return "Sleeper.system()";
    }
}
