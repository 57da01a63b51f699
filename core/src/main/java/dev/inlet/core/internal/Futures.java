package dev.inlet.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * <b>Internal.</b> The few future helpers the asynchronous pipeline links share: what a failed stage
 * really failed with, and a step that may throw turned into a failed future (an asynchronous link
 * must never throw).
 */
public final class Futures {

    /** A step that returns a future and may throw anything, as a synchronous link would. */
    @FunctionalInterface
    public interface Step<T> {
        /** Starts the step. */
        CompletableFuture<T> start() throws Exception;
    }

    private Futures() {
    }

    /** The failure a dependent stage sees, without the {@link CompletionException} wrappers the JDK adds. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The step's future, or a future failed with what it threw (never null: a null future is an error too). */
    public static <T> CompletableFuture<T> attempt(Step<T> step) {
        try {
            CompletableFuture<T> future = step.start();
            return future != null ? future
                    : CompletableFuture.failedFuture(new IllegalStateException("an asynchronous step returned no future"));
        } catch (Exception | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Rethrows a future's failure unchanged: unchecked as is, a checked one wrapped so stages pass it on. */
    public static RuntimeException rethrow(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new CompletionException(cause);
    }
}
