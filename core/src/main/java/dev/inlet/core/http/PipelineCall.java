package dev.inlet.core.http;

import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.InletListener;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.Sleeper;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.Attempts;
import dev.inlet.core.retry.WaitHint;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import dev.inlet.core.http.internal.BodyExcerpt;

/**
 * One logical call through a pipeline: its attempts through the chain, the policy's accounting and
 * the waits between attempts. One call, one thread.
 */
final class PipelineCall {

    final HttpPipeline pipeline;
    final Request request;
    final Attempts attempts;
    private final Optional<String> idempotencyKey;
    /** Waits inside the chain (rate limits), which the retry accounting does not see. */
    private Duration chainWaits = Duration.ZERO;
    private final Sleeper tallyingSleeper;
    /** Every form in which this call's attempts sent secrets; scrubs what the call quotes. */
    final SentSecrets secrets = new SentSecrets();
    /** Names this call in events: every attempt of the call (and every fetch of one page) shares it. */
    final String exchangeId = ExchangeIds.next();

    PipelineCall(HttpPipeline pipeline, Request request) {
        this.pipeline = pipeline;
        this.request = request;
        this.idempotencyKey = pipeline.retryPolicy().idempotencyKeyHeader().flatMap(h -> request.headers().first(h));
        this.attempts = pipeline.retryPolicy().begin(pipeline.clock(), request.isIdempotent()
                || idempotencyKey.isPresent());
        Sleeper sleeper = pipeline.sleeper();
        this.tallyingSleeper = duration -> {
            if (!duration.isNegative()) {
                chainWaits = chainWaits.plus(duration);
            }
            sleeper.sleep(duration);
        };
    }

    /** One attempt: a 2xx response, or an exception. */
    Response attempt() {
        CallContext context = new CallContext(attempts.attempt(), idempotencyKey, attempts.deadline(),
                pipeline.clock(), tallyingSleeper, pipeline.listener(), secrets, exchangeId);
        Response response;
        try {
            response = new PipelineChain(pipeline, 0, request, context).proceed(request);
        } catch (IOException e) {
            throw HttpPipeline.transportFailure(request, e);
        }
        if (!response.isSuccessful()) {
            String hint = Redirects.isRedirect(response) ? redirectHint(response) : null;
            ResponseInfo info = maskedInfo(response);
            String excerpt = secrets.scrub(response.excerptAndClose(BodyExcerpt.DEFAULT_BYTES));
            throw (HttpStatusException) new HttpStatusException(info, excerpt, hint).scrubbedOf(secrets);
        }
        return response;
    }

    /** Why a redirect reached the caller: a Location that cannot be followed, none followed, or a loop. */
    private String redirectHint(Response response) {
        Optional<String> unfollowable = Redirects.unfollowable(response);
        if (unfollowable.isPresent()) {
            return secrets.scrub(unfollowable.get());
        }
        return pipeline.maxRedirects() == 0 ? "The pipeline follows no redirects (maxRedirects is 0)"
                : "Stopped after " + pipeline.maxRedirects() + " redirects; the server may redirect in a loop";
    }

    /**
     * The response facts with the URL's secret parameters masked. {@link ResponseInfo#redactedUri()}
     * knows only the parameter names that look secret, not those a credential registered on the
     * request, and an exception's message must not carry either.
     */
    private static ResponseInfo maskedInfo(Response response) {
        ResponseInfo info = response.info();
        if (response.request().sensitiveParameters().isEmpty()) {
            return info;
        }
        try {
            return new ResponseInfo(info.method(), URI.create(response.request().redactedUri()), info.status(),
                    info.headers(), info.sentAt(), info.elapsed());
        } catch (IllegalArgumentException unparsable) {
            return new ResponseInfo(info.method(), URI.create(Origin.of(info.uri()).toString()), info.status(), info.headers(),
                    info.sentAt(), info.elapsed());
        }
    }

    /** Waits before the next attempt, or rethrows when the policy says stop. */
    void retryAfter(InletException failure) {
        failure.scrubbedOf(secrets);
        int made = attempts.attempt();
        if (Thread.currentThread().isInterrupted()) {
            throw failed(failure.addNote("not retried: the thread was interrupted"), made);
        }
        Duration wait;
        try {
            wait = attempts.nextWait(failure, request.toString());
        } catch (InletException stop) {
            throw failed(stop.scrubbedOf(secrets), made);
        }
        Optional<WaitHint> hint = attempts.lastHint();
        String basis = hint.map(h -> "as the server asked (" + h.source() + ")").orElse("backoff");
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        pipeline.log().info("Retrying {} (attempt {} of {}) in {} ms, {}: {}", request, attempts.attempt(),
                pipeline.retryPolicy().maxAttempts(), wait.toMillis(), basis, reason);
        InletListener listener = pipeline.listener();
        InletListener.RetryScheduled event = new InletListener.RetryScheduled(request.connector(), request.method(),
                request.redactedUri(), attempts.attempt() - 1, wait, reason + " (waiting " + basis + ")",
                exchangeId);
        HttpPipeline.safely(() -> listener.retryScheduled(event));
        if (hint.isPresent()) {
            String status = failure instanceof HttpStatusException s ? "HTTP " + s.status() : "a throttled response";
            InletListener.RateLimited limited = new InletListener.RateLimited(request.connector(),
                    request.origin().authority(), wait, "server: " + hint.get().source() + " on " + status);
            HttpPipeline.safely(() -> listener.rateLimited(limited));
        }
        try {
            pipeline.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new TransportException("Interrupted while waiting to retry " + request, false, e), made);
        }
    }

    /**
     * The call gives up with this exception: tells the listener once ({@link InletListener#callFailed}),
     * then returns it to be thrown. Its message is already scrubbed of the secrets the call sent.
     */
    private InletException failed(InletException failure, int made) {
        String message = secrets.scrub(String.valueOf(failure.getMessage()));
        InletListener.CallFailed event = new InletListener.CallFailed(request.connector(), exchangeId,
                request.method(), request.redactedUri(), made, failure.getClass().getName(), message);
        HttpPipeline.safely(() -> pipeline.listener().callFailed(event));
        return failure;
    }

    /** Every wait of this call so far: backoff, server hints and rate limits. */
    Duration waited() {
        return attempts.waited().plus(chainWaits);
    }
}
