package dev.inlet.core.schedule;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Small pure helpers of the scheduler: its threads and its backoff arithmetic. */
final class SchedulerSupport {

    private SchedulerSupport() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2} …, so an embedded scheduler never keeps a JVM alive. */
    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code initial × 2^(failures−1)}, capped at {@code max}; doubling stops at the cap, so no overflow. */
    static Duration backoff(Duration initial, Duration max, int failures) {
        Duration step = initial;
        for (int i = 1; i < failures && step.compareTo(max) < 0; i++) {
            step = step.multipliedBy(2);
        }
        return step.compareTo(max) > 0 ? max : step;
    }
}
