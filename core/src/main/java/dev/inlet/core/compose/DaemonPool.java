package dev.inlet.core.compose;

import dev.inlet.core.internal.WaitingThreads;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads a composition owns for one run when the host gave no executor: a virtual thread per
 * task on Java 21+ (the composition bounds how many run at once), else a fixed pool of daemon
 * platform threads, at most {@link #MAX_PLATFORM_THREADS} (more tasks queue; said once per JVM at WARN, since
 * a host asking for thousands of concurrent fetches on Java 17 would otherwise only see them run slowly).
 */
final class DaemonPool {

    /** The most platform threads a composition starts on Java 17 (or with virtual threads off). */
    static final int MAX_PLATFORM_THREADS = 256;

    private DaemonPool() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DaemonPool.class);
    private static final AtomicBoolean CAPPED_SAID = new AtomicBoolean();

    static ExecutorService create(String prefix, int threads) {
        Optional<ExecutorService> virtual = WaitingThreads.virtualPerTask(prefix);
        if (virtual.isPresent()) {
            return virtual.get();
        }
        if (threads > MAX_PLATFORM_THREADS && CAPPED_SAID.compareAndSet(false, true)) {
            LOG.warn("{}: {} may run at once, but without virtual threads (Java {}, or -Dinlet.virtualThreads=false) "
                    + "Inlet starts at most {} platform threads of its own, so the rest queue; give the builder an "
                    + "executor(...) of that size, run on Java 21+, or read REST connectors over Transport.jdk(), which "
                    + "wait without a thread (said once)", prefix, threads,
                    Runtime.version().feature(), MAX_PLATFORM_THREADS);
        }
        return WaitingThreads.daemonPool(prefix, Math.min(threads, MAX_PLATFORM_THREADS));
    }
}
