package dev.inlet.core.http;

import dev.inlet.core.ReadLimits;
import dev.inlet.core.internal.Futures;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The pipeline's body link, after the listener's events: undoes the response's content encoding
 * (the chain's end asks for {@code gzip, deflate}, see {@link PipelineChain}), and puts the
 * {@link ReadLimits} (size, reading time, compression ratio) on what comes out. Runs on every hop.
 */
final class BodyDecoding implements AsyncInterceptor {

    private final ReadLimits limits;
    private final Clock clock;

    BodyDecoding(ReadLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return decoded(chain.request(), chain.proceed(chain.request()));
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        return chain.proceedAsync(request).thenApply(Futures.io(response -> decoded(request, response)));
    }

    private Response decoded(Request request, Response raw) throws IOException {
        Response response = ContentEncodings.decode(raw, limits);
        return response.withBody(new BodyLimiter(response.body(), limits, clock, request));
    }
}
