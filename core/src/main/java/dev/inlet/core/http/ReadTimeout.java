package dev.inlet.core.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline's read-timeout link, the last before the transport: wraps the body as it comes off
 * the wire in a {@link StallGuard}, so a read that waits longer than the pipeline's
 * {@linkplain HttpPipeline#readTimeout() read timeout} for its next byte fails with a retryable
 * timeout. Present only when the read timeout is not zero. Runs on every hop.
 */
final class ReadTimeout implements AsyncInterceptor {

    private final Duration timeout;

    ReadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return guarded(chain.request(), chain.proceed(chain.request()));
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        return chain.proceedAsync(request).thenApply(response -> guarded(request, response));
    }

    private Response guarded(Request request, Response response) {
        return response.withBody(StallGuard.wrap(response.body(), timeout, request));
    }
}
