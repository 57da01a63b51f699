package dev.inlet.core.compose;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.RunReport;
import dev.inlet.core.internal.Futures;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One fetch of a {@link ConcurrentFetch}, isolated: whatever it throws becomes its {@link FetchOutcome}. A
 * fetch of any code runs on a thread of the executor, and so does a connector read into a consumer,
 * unless its source {@linkplain dev.inlet.core.PageSource#opensAsynchronously() opens pages without a
 * thread} and the host gave no executor: then it is read with {@link Connector#readAsync}, and no thread
 * waits for its pages.
 */
final class FetchTask {

    private final String name;
    private final Callable<Optional<RunReport>> blocking;
    /** The read without a thread waiting, for a connector whose source opens asynchronously; else null. */
    private final Supplier<CompletableFuture<RunReport>> nonBlocking;

    private FetchTask(String name, Callable<Optional<RunReport>> blocking,
            Supplier<CompletableFuture<RunReport>> nonBlocking) {
        this.name = name;
        this.blocking = blocking;
        this.nonBlocking = nonBlocking;
    }

    static FetchTask of(String name, Callable<Optional<RunReport>> fetch) {
        return new FetchTask(name, fetch, null);
    }

    static <T> FetchTask of(Connector<T> connector, Consumer<? super T> consumer) {
        return new FetchTask(connector.name(), () -> {
            try (ConnectorRun<T> run = connector.open()) {
                run.forEachRemaining(consumer);
                return Optional.of(run.report());
            }
        }, connector.source().opensAsynchronously() ? () -> connector.readAsync(consumer) : null);
    }

    String name() {
        return name;
    }

    /** Whether the fetch runs on a thread even without a host executor: code, or a source that needs one. */
    boolean needsThread() {
        return nonBlocking == null;
    }

    /**
     * Starts the fetch; {@code done} receives its outcome exactly once, on the thread that ends it. The
     * returned future cancels it (interrupting a fetch on a thread).
     *
     * @param threads where a fetch that needs a thread runs
     * @param async whether a connector whose source opens pages asynchronously is read so (no host executor)
     */
    Future<?> start(Executor threads, boolean async, Consumer<FetchOutcome> done) {
        long start = System.nanoTime();
        if (async && nonBlocking != null) {
            CompletableFuture<RunReport> read = Futures.attempt(nonBlocking::get);
            read.whenComplete((report, failure) -> done.accept(failure == null
                    ? new FetchOutcome(name, Optional.of(report), Optional.empty(), since(start))
                    : new FetchOutcome(name, Optional.empty(), Optional.of(Futures.cause(failure)), since(start))));
            return read;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            done.accept(isolated(start));
            return null;
        });
        threads.execute(task);
        return task;
    }

    private FetchOutcome isolated(long start) {
        try {
            Optional<RunReport> report = Objects.requireNonNullElse(blocking.call(), Optional.empty());
            return new FetchOutcome(name, report, Optional.empty(), since(start));
        } catch (Exception | Error e) {
            return new FetchOutcome(name, Optional.empty(), Optional.of(e), since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
