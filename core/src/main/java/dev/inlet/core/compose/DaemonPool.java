package dev.inlet.core.compose;

import dev.inlet.core.internal.WaitingThreads;
import java.util.concurrent.ExecutorService;

/**
 * The threads a composition owns for one run when the host gave no executor: a virtual thread per
 * task on Java 21+ (the composition bounds how many run at once), else a fixed pool of daemon
 * platform threads, at most {@link #MAX_PLATFORM_THREADS} (more tasks queue).
 */
final class DaemonPool {

    /** The most platform threads a composition starts on Java 17 (or with virtual threads off). */
    static final int MAX_PLATFORM_THREADS = 256;

    private DaemonPool() {
    }

    static ExecutorService create(String prefix, int threads) {
        return WaitingThreads.virtualPerTask(prefix)
                .orElseGet(() -> WaitingThreads.daemonPool(prefix, Math.min(threads, MAX_PLATFORM_THREADS)));
    }
}
