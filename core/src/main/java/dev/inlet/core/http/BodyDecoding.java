package dev.inlet.core.http;

import dev.inlet.core.ReadLimits;
import java.io.IOException;
import java.time.Clock;

/**
 * The pipeline's body link, after the listener's events: undoes the response's content encoding
 * (the chain's end asks for {@code gzip, deflate}, see {@link PipelineChain}), and puts the
 * {@link ReadLimits} (size, reading time, compression ratio) on what comes out. Runs on every hop.
 */
final class BodyDecoding implements Interceptor {

    private final ReadLimits limits;
    private final Clock clock;

    BodyDecoding(ReadLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = ContentEncodings.decode(chain.proceed(request), limits);
        return response.withBody(new BodyLimiter(response.body(), limits, clock, request));
    }
}
