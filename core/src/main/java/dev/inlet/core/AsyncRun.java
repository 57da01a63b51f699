package dev.inlet.core;

import dev.inlet.core.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Drives a {@link ConnectorRun} without a thread waiting for its pages ({@link Connector#readAsync}):
 * delivers the records of the open page to the consumer, then asks the {@link PreparedPages} for the
 * next page and returns; the page's arrival resumes the run on whichever thread completed it. The run
 * itself does what it always does (events, validation, guards, positions); only the wait moved.
 *
 * <p>One step at a time: {@link #drain} lets one thread in and makes a completion that arrives while a
 * step runs (the page came back at once) run one more step instead of a second, concurrent one, and
 * instead of nesting a step inside another for every page.
 */
final class AsyncRun<T> {

    private final ConnectorRun<T> run;
    private final PreparedPages pages;
    private final Consumer<? super T> consumer;
    private final CompletableFuture<RunReport> result = new CompletableFuture<>();
    private final AtomicInteger wanted = new AtomicInteger();

    private AsyncRun(ConnectorRun<T> run, PreparedPages pages, Consumer<? super T> consumer) {
        this.run = run;
        this.pages = pages;
        this.consumer = consumer;
    }

    /** Starts the run on the calling thread, up to its first wait. */
    static <T> CompletableFuture<RunReport> start(Connector<T> connector, Position from, Consumer<? super T> consumer) {
        PreparedPages pages = new PreparedPages(connector.reading());
        AsyncRun<T> async = new AsyncRun<>(new ConnectorRun<>(connector, from, pages), pages, consumer);
        // Cancelling stops the page on its way; the step its failure wakes closes the run on the driver's side.
        async.result.whenComplete((report, failure) -> {
            if (async.result.isCancelled()) {
                pages.cancel();
                async.drain();
            }
        });
        async.drain();
        return async.result;
    }

    private void drain() {
        if (wanted.getAndIncrement() != 0) {
            return;
        }
        do {
            step();
        } while (wanted.decrementAndGet() != 0);
    }

    /** Delivers records until the run ends or waits for a page; registers the wake-up then. */
    private void step() {
        try {
            while (true) {
                if (result.isDone()) {
                    run.close();
                    return;
                }
                // The position is asked only between pages: within a page it would be a new Position per record.
                boolean pageReady = run.awaitsPage() && pages.isReady(run.position());
                if (run.advanceWithin(pageReady)) {
                    consumer.accept(run.next());
                    continue;
                }
                if (!run.awaitsPage()) {
                    run.close();
                    result.complete(run.report());
                    return;
                }
                CompletableFuture<OpenPage> page = pages.prepare(run.position());
                if (!page.isDone()) {
                    page.whenComplete((ready, failure) -> drain());
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            Futures.closeQuietly(run);
            result.completeExceptionally(e);
        }
    }
}
