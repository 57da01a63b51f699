package dev.inlet.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Secret;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads, one token: single-flight renewal, and no deadlock behind a concurrency limit. */
class TokenConcurrencyTest {

    @RegisterExtension
    static WireMockExtension server = WireMockSupport.server();

    private static final int THREADS = 16;

    private final FakeClock clock = new FakeClock();
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private OAuth2ClientCredentials credentials() {
        return OAuth2ClientCredentials.builder()
                .origin(WireMockSupport.origin(server))
                .tokenUrl(WireMockSupport.base(server) + "/oauth/token")
                .clientId("inlet").clientSecret(Secret.of("concurrency-secret"))
                .clock(clock).sleeper(clock)
                .build();
    }

    /** The token endpoint issues tok-1, tok-2 … in turn, each taking 300 ms so that callers pile up. */
    private static void slowTokenEndpoint(int tokens) {
        String state = STARTED;
        for (int i = 1; i <= tokens; i++) {
            server.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(state)
                    .willSetStateTo("after-" + i)
                    .willReturn(aResponse().withStatus(200).withFixedDelay(300)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"tok-" + i + "\",\"expires_in\":3600}")));
            state = "after-" + i;
            server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-" + i))
                    .willReturn(aResponse().withStatus(200).withBody("tok-" + i)));
        }
    }

    /** Runs the call on all threads at once and returns what each got. */
    private List<String> burst(Callable<String> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> result : results) {
            out.add(result.get(30, TimeUnit.SECONDS));
        }
        return out;
    }

    private static String getItems(HttpPipeline pipeline) {
        return pipeline.execute(Request.builder(WireMockSupport.base(server) + "/items").build(),
                response -> response.bodyText());
    }

    @Test
    void sixteenThreadsCauseExactlyOneTokenRequestPerExpiry() throws Exception {
        slowTokenEndpoint(2);
        OAuth2ClientCredentials credentials = credentials();
        HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials).clock(clock).sleeper(clock).build();

        List<String> first = burst(() -> getItems(pipeline));
        assertThat(first).hasSize(THREADS).containsOnly("tok-1");
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

        List<String> again = burst(() -> getItems(pipeline));
        assertThat(again).containsOnly("tok-1");
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

        clock.advance(Duration.ofSeconds(3600));
        List<String> afterExpiry = burst(() -> getItems(pipeline));
        assertThat(afterExpiry).hasSize(THREADS).containsOnly("tok-2");

        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(3 * THREADS, getRequestedFor(urlPathEqualTo("/items")));
        assertThat(credentials.tokenRequests()).isEqualTo(2);
        assertThat(credentials.cache().joinedFlights()).as("threads that waited for another's token request")
                .isPositive();
    }

    @Test
    void aBurstOf401sForOneTokenCausesOneRenewal() throws Exception {
        slowTokenEndpoint(2);
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        OAuth2ClientCredentials credentials = credentials();
        HttpPipeline pipeline = HttpPipeline.builder().credentials(credentials).clock(clock).sleeper(clock).build();

        assertThat(burst(() -> getItems(pipeline))).containsOnly("tok-2");

        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(credentials.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aTokenRequestNeverWaitsBehindTheDataPipelinesConcurrencyLimit() throws Exception {
        slowTokenEndpoint(1);
        // A per-host limit of one request at a time, in the rate limiter's slot: the data request
        // holds the only permit while its credentials fetch the token from the same host. Were the
        // token request subject to the limit, every thread would wait forever (Retrofit #3935).
        Semaphore perHost = new Semaphore(1);
        Interceptor limiter = chain -> {
            try {
                perHost.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            try {
                return chain.proceed(chain.request());
            } finally {
                perHost.release();
            }
        };
        HttpPipeline pipeline = HttpPipeline.builder().rateLimiter(limiter).credentials(credentials())
                .clock(clock).sleeper(clock).build();

        assertThat(burst(() -> getItems(pipeline))).hasSize(THREADS).containsOnly("tok-1");
        assertThat(perHost.availablePermits()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }
}
