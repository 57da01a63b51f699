package dev.inlet.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Headers;
import dev.inlet.core.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code Interceptor.Chain.proceed}: called again only after the previous call returned, and a bounded number of times. */
class ChainProceedContractTest {

    private final AtomicInteger sent = new AtomicInteger();
    private final Transport transport = (request, timeout) -> {
        sent.incrementAndGet();
        return new Response(request, 200, Headers.empty(), new ByteArrayInputStream(new byte[0]), Instant.EPOCH,
                Duration.ZERO);
    };

    private HttpPipeline pipeline(Interceptor interceptor, int maxRedirects) {
        return HttpPipeline.builder().transport(transport).retryPolicy(RetryPolicy.none()).maxRedirects(maxRedirects)
                .addInterceptor(interceptor).build();
    }

    private static Interceptor proceeding(int times) {
        return chain -> {
            Response last = null;
            for (int i = 0; i < times; i++) {
                if (last != null) {
                    last.body().close();
                }
                last = chain.proceed(chain.request());
            }
            return last;
        };
    }

    private static Request request() {
        return Request.builder("http://127.0.0.1:1/items").build();
    }

    @Test
    void aReplayAndEveryAllowedRedirectHopMayProceedAgain() {
        assertThat(pipeline(proceeding(6), 5).send(request()).status()).isEqualTo(200);
        assertThat(sent).hasValue(6);
        sent.set(0);
        assertThat(pipeline(proceeding(2), 0).send(request()).status()).isEqualTo(200);
        assertThat(sent).hasValue(2);
    }

    @Test
    void oneCallMoreThanAllowedFailsNamingTheInterceptorAndSendsNothingMore() {
        Interceptor greedy = proceeding(7);
        assertThatThrownBy(() -> pipeline(greedy, 5).send(request()))
                .hasStackTraceContaining("IllegalStateException")
                .hasStackTraceContaining("called Chain.proceed more than 6 times")
                .hasStackTraceContaining(greedy.getClass().getName());
        assertThat(sent).hasValue(6);
    }

    @Test
    void aCallWhileThePreviousIsStillRunningFails() {
        // The first interceptor's chain is captured; the next link calls it again from inside that chain's call.
        Interceptor.Chain[] captured = new Interceptor.Chain[1];
        Interceptor capture = chain -> {
            captured[0] = chain;
            return chain.proceed(chain.request());
        };
        AtomicInteger depth = new AtomicInteger();
        Interceptor callsBackIn = chain -> {
            if (depth.incrementAndGet() == 1) {
                captured[0].proceed(chain.request()).body().close();
            }
            return chain.proceed(chain.request());
        };
        HttpPipeline pipeline = HttpPipeline.builder().transport(transport).retryPolicy(RetryPolicy.none())
                .addInterceptor(capture).addInterceptor(callsBackIn).build();
        assertThatThrownBy(() -> pipeline.send(request()))
                .hasStackTraceContaining("while its previous call was still running");
        assertThat(sent).hasValue(0);
    }
}
