package dev.inlet.core.http;

import dev.inlet.core.ReadLimits;
import java.io.IOException;
import java.time.Clock;

/**
 * The pipeline's body link, after the listener's events: asks for compressed bodies
 * ({@code Accept-Encoding: gzip, deflate} unless the request sets its own; added this late, like the
 * transport's own headers, so signers leave it out and the events show the request as sent by the
 * caller's links), undoes the response's content encoding, and puts the {@link ReadLimits} (size,
 * reading time, compression ratio) on what comes out. Runs on every hop.
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
        Request sent = request.headers().contains("Accept-Encoding") ? request
                : request.toBuilder().header("Accept-Encoding", ContentEncodings.ACCEPTED).build();
        Response response = ContentEncodings.decode(chain.proceed(sent), limits);
        return response.withBody(new BodyLimiter(response.body(), limits, clock, request));
    }
}
