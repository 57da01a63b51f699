package dev.inlet.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * <b>Internal.</b> Threads for work that mostly waits (an HTTP response, a rate-limit permit): a
 * virtual thread per task when the JVM has them (Java 21+), found at run time through method handles
 * so the library still compiles for and runs on Java 17; otherwise platform daemon threads.
 *
 * <p>Set the system property {@code inlet.virtualThreads=false} to use platform threads on 21+ too.
 */
public final class WaitingThreads {

    /** The most platform threads the shared fallback pool starts (Java 17, or virtual threads off). */
    public static final int SHARED_POOL_THREADS = 64;

    private static final MethodHandle VIRTUAL_FACTORY = findVirtualFactory();
    private static final MethodHandle THREAD_PER_TASK = findThreadPerTask();
    private static volatile Executor shared;

    private WaitingThreads() {
    }

    /** Whether tasks get virtual threads here: Java 21+ and not turned off by the system property. */
    public static boolean virtual() {
        return VIRTUAL_FACTORY != null && THREAD_PER_TASK != null
                && !"false".equalsIgnoreCase(System.getProperty("inlet.virtualThreads"));
    }

    /**
     * A factory of virtual threads named {@code prefix-N}, or empty before Java 21 (or when turned
     * off).
     */
    public static Optional<ThreadFactory> virtualFactory(String prefix) {
        if (!virtual()) {
            return Optional.empty();
        }
        try {
            return Optional.of((ThreadFactory) VIRTUAL_FACTORY.invoke(prefix + "-", 1L));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a virtual thread factory", e);
        }
    }

    /**
     * An executor service that starts a virtual thread per task (its own: shut it down), or empty
     * before Java 21 (or when turned off).
     */
    public static Optional<ExecutorService> virtualPerTask(String prefix) {
        return virtualFactory(prefix).map(factory -> {
            try {
                return (ExecutorService) THREAD_PER_TASK.invoke(factory);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create a thread-per-task executor", e);
            }
        });
    }

    /**
     * The executor every speculative page fetch shares: a new virtual thread per task on 21+, else a
     * pool of at most {@link #SHARED_POOL_THREADS} daemon threads that end after 10 idle seconds
     * (tasks beyond them queue). Never shut down.
     */
    public static Executor shared() {
        Executor executor = shared;
        if (executor == null) {
            synchronized (WaitingThreads.class) {
                if (shared == null) {
                    shared = virtualFactory("inlet-prefetch")
                            .<Executor>map(factory -> task -> factory.newThread(task).start())
                            .orElseGet(WaitingThreads::sharedPool);
                }
                executor = shared;
            }
        }
        return executor;
    }

    /** A bounded pool of daemon platform threads named {@code prefix-N}, idle ones ending after 10 s. */
    public static ThreadPoolExecutor daemonPool(String prefix, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Executor sharedPool() {
        return daemonPool("inlet-prefetch", SHARED_POOL_THREADS);
    }

    /** {@code Thread.ofVirtual().name(prefix, start).factory()} as a handle, or null before 21. */
    private static MethodHandle findVirtualFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle create = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle name = lookup.findVirtual(builder, "name",
                    MethodType.methodType(builder, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            // (String, long) -> ThreadFactory: factory(name(ofVirtual(), prefix, start))
            MethodHandle named = MethodHandles.collectArguments(name, 0,
                    create.asType(MethodType.methodType(builder)));
            named = named.asType(MethodType.methodType(builder, String.class, long.class));
            return MethodHandles.filterReturnValue(named, factory);
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }

    /** {@code Executors.newThreadPerTaskExecutor(ThreadFactory)} as a handle, or null before 21. */
    private static MethodHandle findThreadPerTask() {
        try {
            return MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                    "newThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class, ThreadFactory.class));
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }
}
