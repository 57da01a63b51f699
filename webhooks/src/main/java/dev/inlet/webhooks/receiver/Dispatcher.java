package dev.inlet.webhooks.receiver;

import dev.inlet.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handlers on a fixed pool of workers behind a bounded queue. A request reserves a slot
 * before it is acknowledged, so a full queue is known while the sender can still be told 503; the
 * slot is returned when the event is done (handled or dead-lettered).
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final ThreadPoolExecutor executor;
    private final Semaphore slots;
    private final HandlerRetry retry;
    private final DeadLetterSink deadLetters;
    private final Sleeper sleeper;
    private final Consumer<WebhookEvent> onDone;
    private final DeliveryReports reports;
    private final Clock clock;
    private final int capacity;

    Dispatcher(int workers, int queueCapacity, HandlerRetry retry, DeadLetterSink deadLetters, Sleeper sleeper,
            Consumer<WebhookEvent> onDone, DeliveryReports reports, Clock clock, int capacity) {
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("inlet-webhook-worker-"));
        this.slots = new Semaphore(workers + queueCapacity);
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.sleeper = sleeper;
        this.onDone = onDone;
        this.reports = reports;
        this.clock = clock;
        this.capacity = capacity;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Takes a slot if one is free. */
    boolean tryReserve() {
        return slots.tryAcquire();
    }

    /** Waits for a slot (recovery after a restart, where the sender is not waiting). */
    void reserve() throws InterruptedException {
        slots.acquire();
    }

    /** Returns a slot that will not be used. */
    void unreserve() {
        slots.release();
    }

    /**
     * Runs a task on a worker, leaving the slot to the caller ({@link HandlerAcknowledgements}).
     *
     * @throws java.util.concurrent.RejectedExecutionException once draining
     */
    void execute(Runnable task) {
        executor.execute(task);
    }

    /** Runs the handler for an event whose slot is reserved. */
    void submit(WebhookEvent event, WebhookHandler handler) {
        executor.execute(() -> {
            try {
                run(event, handler);
            } finally {
                slots.release();
            }
        });
    }

    private void run(WebhookEvent event, WebhookHandler handler) {
        long handlerNanos = 0;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                handler.handle(event);
                handlerNanos += System.nanoTime() - start;
                onDone.accept(event);
                reports.handled(event, false, attempt, Duration.ofNanos(handlerNanos), clock.instant(), inFlight(capacity));
                return;
            } catch (Exception failure) {
                handlerNanos += System.nanoTime() - start;
                if (attempt >= retry.maxAttempts() || !retry.isRetryable(failure)) {
                    deadLetter(event, failure, attempt);
                    reports.handled(event, true, attempt, Duration.ofNanos(handlerNanos), clock.instant(),
                            inFlight(capacity));
                    return;
                }
                LOG.debug("Handler failed on {} (attempt {}), retrying", event, attempt, failure);
                try {
                    sleeper.sleep(retry.delayAfter(attempt));
                } catch (InterruptedException shutdown) {
                    // Forced shutdown: the event is not marked done, so a durable inbox redelivers it.
                    Thread.currentThread().interrupt();
                    LOG.warn("Shutdown interrupted the retries of {}; it stays undelivered", event);
                    return;
                }
            }
        }
    }

    private void deadLetter(WebhookEvent event, Exception failure, int attempts) {
        try {
            deadLetters.accept(event, failure, attempts);
        } catch (RuntimeException sinkFailure) {
            LOG.error("Dead-letter sink failed for {}; the event is dropped", event, sinkFailure);
        }
        onDone.accept(event);
    }

    /** Stops taking work and waits for queued events; false if the timeout passed first. */
    boolean drain(Duration timeout) throws InterruptedException {
        executor.shutdown();
        if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        int abandoned = executor.shutdownNow().size();
        LOG.warn("Drain timed out after {}; {} queued event(s) were not handled", timeout, abandoned);
        return false;
    }

    /** Events queued or running. */
    int inFlight(int capacity) {
        return capacity - slots.availablePermits();
    }
}
