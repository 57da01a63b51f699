package dev.inlet.core.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The pipeline's read-timeout link, the last before the transport: wraps the body as it comes off
 * the wire in a {@link StallGuard}, so a read that waits longer than the pipeline's
 * {@linkplain HttpPipeline#readTimeout() read timeout} for its next byte fails with a retryable
 * timeout. Present only when the read timeout is not zero. Runs on every hop.
 */
final class ReadTimeout implements Interceptor {

    private final Duration timeout;

    ReadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        return response.withBody(StallGuard.wrap(response.body(), timeout, chain.request()));
    }
}
