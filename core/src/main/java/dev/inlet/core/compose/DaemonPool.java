package dev.inlet.core.compose;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed pool of daemon threads that a composition owns for one run when the host gave no executor. */
final class DaemonPool {

    private DaemonPool() {
    }

    static ExecutorService create(String prefix, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
