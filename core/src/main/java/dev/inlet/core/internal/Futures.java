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

    /** A step of a future's result that may fail with an {@link java.io.IOException}, as a link's body work does. */
    @FunctionalInterface
    public interface IoFunction<T, R> {
        /** Applies the step. */
        R apply(T value) throws java.io.IOException;
    }

    private Futures() {
    }

    /** The step as a function for {@code thenApply}: its {@link java.io.IOException} fails the stage with it. */
    public static <T, R> java.util.function.Function<T, R> io(IoFunction<T, R> step) {
        return value -> {
            try {
                return step.apply(value);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        };
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

    /**
     * The supplier's resource, made on the executor: cancelling the future before it is made skips it, and
     * a resource made after the caller cancelled is closed rather than leaked.
     */
    public static <T extends AutoCloseable> CompletableFuture<T> supplyClosing(java.util.function.Supplier<T> supplier,
            java.util.concurrent.Executor executor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                T value = supplier.get();
                if (!result.complete(value)) {
                    closeQuietly(value);
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * The source's resource handed on as {@code wrap} makes it. Cancelling the returned future cancels the
     * source, which must itself close a resource it still makes (as the pipeline's retry loop does); one
     * that arrives all the same is closed here.
     */
    public static <T extends AutoCloseable, R> CompletableFuture<R> closingIfCancelled(CompletableFuture<T> source,
            java.util.function.Function<? super T, ? extends R> wrap) {
        CompletableFuture<R> result = new CompletableFuture<>();
        source.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(cause(failure));
            } else if (result.isDone() || !result.complete(wrap.apply(value))) {
                closeQuietly(value);
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                source.cancel(true);
            }
        });
        return result;
    }

    /** Closes a resource nobody wants any more; closing only releases it, so a failure to close is ignored. */
    public static void closeQuietly(AutoCloseable value) {
        if (value == null) {
            return;
        }
        try {
            value.close();
        } catch (Exception ignored) {
            // Released as far as it can be: nobody reads it.
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
