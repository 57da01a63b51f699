package dev.inlet.bench.pipeline;

import dev.inlet.core.Headers;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A transport that answers every request at once with a canned 200 (typical API response headers,
 * an empty body), so a benchmark of the pipeline measures the pipeline and nothing of the network.
 */
public final class NoopTransport implements Transport {

    /** Headers a JSON API typically sends. */
    static final Headers HEADERS = Headers.of("Content-Type", "application/json", "Date",
            "Mon, 02 Jun 2025 10:00:00 GMT", "Cache-Control", "no-store", "Request-Id", "req_bench_0001");
    private static final InputStream EMPTY = new ByteArrayInputStream(new byte[0]);
    private static final Instant SENT_AT = Instant.parse("2025-06-02T10:00:00Z");
    private static final Duration ELAPSED = Duration.ofMillis(1);

    @Override
    public Response send(Request request, Duration timeout) {
        return new Response(request, 200, HEADERS, EMPTY, SENT_AT, ELAPSED);
    }
}
