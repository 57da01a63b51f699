package dev.inlet.core.http;

import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.Sleeper;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.Attempts;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.internal.Futures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.http.internal.BodyExcerpt;

/**
 * One logical call through a pipeline: its request (marked and keyed once for all attempts), the
 * policy's accounting, and one attempt through the chain; {@link RetryLoop} runs the attempts and
 * the waits between them. One call, one thread.
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

    /**
     * A call of this request: marked with the pipeline's sensitive parameters, and given an
     * idempotency key if it is not idempotent and the policy adds keys and may retry (keys are off
     * by default): one key per logical call, generated here once, so every attempt sends the same key.
     */
    static PipelineCall of(HttpPipeline pipeline, Request given) {
        Request request = pipeline.marked(given);
        RetryPolicy policy = pipeline.retryPolicy();
        Optional<String> header = policy.idempotencyKeyHeader();
        if (request.isIdempotent() || header.isEmpty() || policy.maxAttempts() < 2
                || request.headers().contains(header.get())) {
            return new PipelineCall(pipeline, request);
        }
        return new PipelineCall(pipeline, request.toBuilder().header(header.get(), UUID.randomUUID().toString()).build());
    }

    private PipelineCall(HttpPipeline pipeline, Request request) {
        this.pipeline = pipeline;
        this.request = request;
        this.idempotencyKey = pipeline.retryPolicy().idempotencyKeyHeader().flatMap(h -> request.headers().first(h));
        this.attempts = pipeline.retryPolicy().begin(pipeline.clock(), request.isIdempotent()
                || idempotencyKey.isPresent());
        this.tallyingSleeper = new TallyingSleeper(pipeline.sleeper());
    }

    /** The pipeline's sleeper, adding up what the links wait (a rate limit) for {@link #waited()}. */
    private final class TallyingSleeper implements Sleeper {
        private final Sleeper sleeper;

        TallyingSleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            tally(duration);
            sleeper.sleep(duration);
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            tally(duration);
            return sleeper.delay(duration);
        }

        private void tally(Duration duration) {
            if (!duration.isNegative()) {
                chainWaits = chainWaits.plus(duration);
            }
        }
    }

    Response attempt() {
        Response response;
        try {
            response = new PipelineChain(pipeline, 0, request, context()).proceed(request);
        } catch (IOException e) {
            throw transportFailure(request, e);
        }
        return successful(response);
    }

    /**
     * One attempt through the asynchronous chain: fails as {@link #attempt} throws (a failed exchange as
     * a {@link dev.inlet.core.error.TransportException}, a non-2xx status as an {@link HttpStatusException}).
     */
    CompletableFuture<Response> attemptAsync() {
        return new PipelineChain(pipeline, 0, request, context()).proceedAsync(request).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = Futures.cause(failure);
                throw cause instanceof IOException io ? transportFailure(request, io) : Futures.rethrow(cause);
            }
            return successful(response);
        });
    }

    private CallContext context() {
        return new CallContext(attempts.attempt(), idempotencyKey, attempts.deadline(),
                pipeline.clock(), tallyingSleeper, pipeline.listener(), secrets, exchangeId);
    }

    /** The response if its status is 2xx; otherwise closes it and throws the scrubbed status error. */
    private Response successful(Response response) {
        if (!response.isSuccessful()) {
            String hint = Redirects.isRedirect(response) ? redirectHint(response) : null;
            ResponseInfo info = maskedInfo(response);
            String excerpt = secrets.scrub(response.excerptAndClose(BodyExcerpt.DEFAULT_BYTES));
            throw (HttpStatusException) new HttpStatusException(info, excerpt, hint).scrubbedOf(secrets);
        }
        return response;
    }

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

    /** A transport failure of the request, as a retryable (when it timed out, a timeout) exception. */
    static TransportException transportFailure(Request request, IOException e) {
        boolean timeout = e instanceof HttpTimeoutException || e instanceof java.net.SocketTimeoutException
                || e instanceof InterruptedIOException && !(e.getCause() instanceof InterruptedException);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TransportException(request + (timeout ? " timed out: " : " failed: ") + detail, timeout, e);
    }

    /** Every wait of this call so far: backoff, server hints and rate limits. */
    Duration waited() {
        return attempts.waited().plus(chainWaits);
    }
}
