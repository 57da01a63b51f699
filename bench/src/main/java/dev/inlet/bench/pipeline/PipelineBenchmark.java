package dev.inlet.bench.pipeline;

import dev.inlet.core.InletListener;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 3, pipeline overhead: one request through Inlet's full chain (redirect guard, rate
 * limiter, bearer credentials, listener events, the default retry policy's accounting, the body
 * watchdog wrapper) against a no-op transport, versus the bare transport call. The difference is
 * what Inlet adds to every HTTP request, before any network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    Transport transport;
    Request request;
    HttpPipeline minimal;
    HttpPipeline full;
    CountingListener listener;

    /** Builds the pipelines once per trial, as an application builds them once. */
    @Setup
    public void setUp() {
        transport = new NoopTransport();
        request = Request.builder("https://api.example.com/v1/charges?limit=100&created%5Bgte%5D=1717000000")
                .header("Accept", "application/json").connector("charges").build();
        minimal = HttpPipeline.builder().transport(transport).build();
        listener = new CountingListener();
        full = HttpPipeline.builder().transport(transport)
                .credentials(Credentials.bearer(Origin.of("https://api.example.com"), Secret.of("sk_test_bench_token")))
                // High enough never to wait: the benchmark measures the bookkeeping, not a sleep.
                .rateLimiter(RateLimiters.create().shared("bench", RateLimit.perSecond(1_000_000_000L)))
                .listener(listener).build();
    }

    /** The transport alone: the floor. */
    @Benchmark
    public int bareTransport() throws Exception {
        try (Response response = transport.send(request, TIMEOUT)) {
            return response.status();
        }
    }

    /** {@code HttpPipeline} with its defaults (retry policy, redirect guard, events, body watchdog). */
    @Benchmark
    public int pipelineDefaults() {
        try (Response response = minimal.send(request)) {
            return response.status();
        }
    }

    /** The full chain: credentials, shared rate limiter, retry policy and a listener. */
    @Benchmark
    public int pipelineFull() {
        try (Response response = full.send(request)) {
            return response.status();
        }
    }

    /** A listener that does the least a real one does: counts events (so none is optimised away). */
    static final class CountingListener implements InletListener {
        long events;

        @Override
        public void requestSent(RequestSent event) {
            events++;
        }

        @Override
        public void responseReceived(ResponseReceived event) {
            events++;
        }
    }
}
