package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.Attempts;
import dev.inlet.core.retry.WaitHint;
import dev.inlet.core.internal.Futures;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The pipeline's one attempt-and-retry loop, which {@link HttpPipeline#execute},
 * {@link HttpPipeline#send} and {@link RetryingPage} (opening a page and reading its records) all
 * run: it runs an attempt; when the attempt fails with an {@link InletException}, the call's
 * {@link Attempts} judge the failure (attempts, budget, the server's wait hints), the loop reports
 * {@link InletListener#retryScheduled} (and {@link InletListener#rateLimited} when the server set
 * the wait), waits through the pipeline's sleeper, and runs the attempt again. When the policy says
 * stop, or the thread is interrupted, it reports {@link InletListener#callFailed} once and throws.
 * Every failure is scrubbed of the secrets the call sent before it is judged, logged or thrown.
 * {@link #runAsync} is the same loop for {@link HttpPipeline#sendAsync} and
 * {@link HttpPipeline#openPageAsync}: one judgement ({@code plan}), the wait as a future.
 */
final class RetryLoop {

    /** One try of the call: a result, or an {@link InletException} to judge. It cleans up what it opened. */
    @FunctionalInterface
    interface Attempt<R> {
        R run();
    }

    private RetryLoop() {
    }

    /** Runs the attempt until it succeeds or the policy gives up (then its exception is thrown). */
    static <R> R run(PipelineCall call, Attempt<R> attempt) {
        while (true) {
            try {
                return attempt.run();
            } catch (InletException failure) {
                retryAfter(call, failure);
            }
        }
    }

    /** Waits before the next attempt, or throws when the policy says stop. */
    /**
     * The asynchronous loop of {@link HttpPipeline#sendAsync}: the same judgement and events, the wait
     * through the sleeper's {@link dev.inlet.core.Sleeper#delay delay}, so no thread waits between
     * attempts. Cancelling the returned future stops further attempts; a response that arrives after
     * it was cancelled is closed, so its connection is not leaked.
     */
    static <R extends AutoCloseable> CompletableFuture<R> runAsync(PipelineCall call,
            Supplier<CompletableFuture<R>> attempt) {
        CompletableFuture<R> result = new CompletableFuture<>();
        next(call, attempt, result);
        return result;
    }

    private static <R extends AutoCloseable> void next(PipelineCall call, Supplier<CompletableFuture<R>> attempt,
            CompletableFuture<R> result) {
        if (result.isDone()) {
            return;
        }
        Futures.attempt(attempt::get).whenComplete((value, error) -> {
            if (error == null) {
                if (!result.complete(value)) {
                    Futures.closeQuietly(value);
                }
                return;
            }
            Throwable cause = Futures.cause(error);
            if (!(cause instanceof InletException failure)) {
                result.completeExceptionally(cause);
                return;
            }
            failure.scrubbedOf(call.secrets);
            int made = call.attempts.attempt();
            Duration wait;
            try {
                wait = plan(call, failure, made);
            } catch (InletException stop) {
                result.completeExceptionally(stop);
                return;
            }
            call.pipeline.sleeper().delay(wait).whenComplete((done, interrupted) -> {
                if (interrupted != null) {
                    result.completeExceptionally(failed(call, new TransportException("Interrupted while waiting to retry "
                            + call.request, false, Futures.cause(interrupted)), made));
                } else {
                    next(call, attempt, result);
                }
            });
        });
    }

    private static void retryAfter(PipelineCall call, InletException failure) {
        failure.scrubbedOf(call.secrets);
        int made = call.attempts.attempt();
        if (Thread.currentThread().isInterrupted()) {
            throw failed(call, failure.addNote("not retried: the thread was interrupted"), made);
        }
        Duration wait = plan(call, failure, made);
        try {
            call.pipeline.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(call, new TransportException("Interrupted while waiting to retry " + call.request, false, e),
                    made);
        }
    }

    /**
     * Judges a failed attempt: the wait before the next one, after logging it and telling the listener;
     * throws the failure to give up with once the policy says stop.
     */
    private static Duration plan(PipelineCall call, InletException failure, int made) {
        Attempts attempts = call.attempts;
        Request request = call.request;
        HttpPipeline pipeline = call.pipeline;
        Duration wait;
        try {
            wait = attempts.nextWait(failure, request.toString());
        } catch (InletException stop) {
            throw failed(call, stop.scrubbedOf(call.secrets), made);
        }
        Optional<WaitHint> hint = attempts.lastHint();
        String basis = hint.map(h -> "as the server asked (" + h.source() + ")").orElse("backoff");
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        pipeline.log().info("Retrying {} (attempt {} of {}) in {} ms, {}: {}", request, attempts.attempt(),
                pipeline.retryPolicy().maxAttempts(), wait.toMillis(), basis, reason);
        InletListener listener = pipeline.listener();
        InletListener.RetryScheduled event = new InletListener.RetryScheduled(request.connector(), request.method(),
                request.redactedUri(), attempts.attempt() - 1, wait, reason + " (waiting " + basis + ")",
                call.exchangeId);
        ExchangeEvents.safely(() -> listener.retryScheduled(event));
        if (hint.isPresent()) {
            String status = failure instanceof HttpStatusException s ? "HTTP " + s.status() : "a throttled response";
            InletListener.RateLimited limited = new InletListener.RateLimited(request.connector(),
                    request.origin().authority(), wait, "server: " + hint.get().source() + " on " + status);
            ExchangeEvents.safely(() -> listener.rateLimited(limited));
        }
        return wait;
    }

    /**
     * The call gives up with this exception: tells the listener once ({@link InletListener#callFailed}),
     * then returns it to be thrown. Its message is already scrubbed of the secrets the call sent.
     */
    private static InletException failed(PipelineCall call, InletException failure, int made) {
        Request request = call.request;
        String message = call.secrets.scrub(String.valueOf(failure.getMessage()));
        InletListener.CallFailed event = new InletListener.CallFailed(request.connector(), call.exchangeId,
                request.method(), request.redactedUri(), made, failure.getClass().getName(), message);
        ExchangeEvents.safely(() -> call.pipeline.listener().callFailed(event));
        return failure;
    }
}
