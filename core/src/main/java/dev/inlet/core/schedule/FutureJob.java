package dev.inlet.core.schedule;

import dev.inlet.core.RunReport;
import dev.inlet.core.internal.Futures;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A {@link Job} whose run is a future ({@link Job#ofFuture}): the {@link Scheduler} starts it and ends the
 * run when the future completes, without a thread waiting in between. Called as a plain job
 * ({@link #run()}), it waits for the future on the calling thread.
 */
final class FutureJob implements Job {

    private final Supplier<? extends CompletionStage<Optional<RunReport>>> start;

    FutureJob(Supplier<? extends CompletionStage<Optional<RunReport>>> start) {
        this.start = start;
    }

    /** Starts the run; a start that throws or returns nothing gives a failed future. */
    CompletableFuture<Optional<RunReport>> start() {
        return Futures.attempt(() -> {
            CompletionStage<Optional<RunReport>> running = start.get();
            return running == null ? null : running.toCompletableFuture();
        }).thenApply(report -> Objects.requireNonNullElse(report, Optional.empty()));
    }

    @Override
    public Optional<RunReport> run() throws Exception {
        try {
            return start().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }
}
