package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.core.http.Stubs.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.InletListener;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline's retry loop against a real HTTP server, waiting only on a fake clock. */
class HttpPipelineRetryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    private HttpPipeline.Builder pipeline() {
        return HttpPipeline.builder().clock(clock).sleeper(clock).listener(listener);
    }

    private Request getRequest(String path) {
        return Request.builder(server.baseUrl() + path).connector("test").build();
    }

    private Request post(String path) {
        return Request.builder(server.baseUrl() + path).post("{\"amount\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json").build();
    }

    private static String text(Response response) throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aBurstOf503sIsRetriedWithJitteredBackoffUntilItSucceeds() {
        sequence(server, "/x", aResponse().withStatus(503), aResponse().withStatus(503), ok("done"));

        String body = pipeline().build().execute(getRequest("/x"), HttpPipelineRetryTest::text);

        assertThat(body).isEqualTo("done");
        server.verify(3, anyRequestedFor(urlPathEqualTo("/x")));
        assertThat(clock.sleeps()).hasSize(2);
        assertThat(clock.sleeps().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(250));
        assertThat(clock.sleeps().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(500));
        assertThat(listener.retries()).extracting(InletListener.RetryScheduled::failedAttempt).containsExactly(1, 2);
        assertThat(listener.retries()).allSatisfy(r -> {
            assertThat(r.reason()).contains("HTTP 503").contains("backoff");
            assertThat(r.connector()).isEqualTo("test");
        });
        assertThat(listener.sent()).extracting(InletListener.RequestSent::attempt).containsExactly(1, 2, 3);
        assertThat(listener.received()).extracting(InletListener.ResponseReceived::status).containsExactly(503, 503, 200);
        assertThat(listener.rateLimited()).as("backoff is not a rate limit").isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} once, then 200")
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void eachTransientStatusIsRetried(int status) {
        sequence(server, "/t", aResponse().withStatus(status), ok("ok"));
        assertThat(pipeline().build().execute(getRequest("/t"), HttpPipelineRetryTest::text)).isEqualTo("ok");
        server.verify(2, anyRequestedFor(urlPathEqualTo("/t")));
    }

    @ParameterizedTest(name = "HTTP {0} fails at once")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsAreNeverRetried(int status) {
        server.stubFor(get(urlPathEqualTo("/c")).willReturn(aResponse().withStatus(status).withBody("{\"error\":\"no\"}")));
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline().build().send(getRequest("/c")));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).contains("\"error\":\"no\"");
        server.verify(1, anyRequestedFor(urlPathEqualTo("/c")));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aRetryAfterInSecondsIsWaitedExactlyAndReportedAsARateLimit() {
        sequence(server, "/r", aResponse().withStatus(429).withHeader("Retry-After", "2"), ok("ok"));
        pipeline().build().execute(getRequest("/r"), HttpPipelineRetryTest::text);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(listener.retries()).singleElement().satisfies(r -> assertThat(r.reason()).contains("Retry-After"));
        assertThat(listener.rateLimited()).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo("localhost:" + server.getPort());
            assertThat(l.delay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(l.reason()).contains("Retry-After").contains("429");
        });
    }

    @Test
    void aRetryAfterDateIsMeasuredAgainstTheServersDateHeader() {
        // The fake client clock is years away from the server's date: only the server's own difference counts.
        sequence(server, "/d", aResponse().withStatus(429).withHeader("Date", "Tue, 15 Jun 2032 10:00:00 GMT")
                .withHeader("Retry-After", "Tue, 15 Jun 2032 10:00:03 GMT"), ok("ok"));
        pipeline().build().execute(getRequest("/d"), HttpPipelineRetryTest::text);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aWaitAboveTheCapFailsFastWithoutSleeping() {
        server.stubFor(get(urlPathEqualTo("/long")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        RateLimitedException e = org.junit.jupiter.api.Assertions.assertThrows(RateLimitedException.class,
                () -> pipeline().build().send(getRequest("/long")));
        assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(e.getMessage()).contains("/long").contains("Try again after");
        assertThat(clock.sleeps()).isEmpty();
        server.verify(1, anyRequestedFor(urlPathEqualTo("/long")));
    }

    @Test
    void aPersistentFailureGivesUpAfterMaxAttemptsSayingSo() {
        server.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> pipeline().build().send(getRequest("/down")));
        assertThat(e.getMessage()).contains("gave up after 5 attempts");
        server.verify(5, anyRequestedFor(urlPathEqualTo("/down")));
        assertThat(clock.sleeps()).hasSize(4);
    }

    @Test
    void aConnectionResetIsRetried() {
        sequence(server, "/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok("ok"));
        // A POST (with its idempotency key): the JDK client silently retries a GET once on a connection
        // that breaks before the response head, which would hide the pipeline's own retry.
        assertThat(pipeline().retryPolicy(RetryPolicy.builder().idempotencyKeys().build()).build()
                .execute(post("/reset"), HttpPipelineRetryTest::text)).isEqualTo("ok");
        server.verify(2, postRequestedFor(urlPathEqualTo("/reset")));
        assertThat(listener.retries()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("TransportException"));
    }

    @Test
    void aFailingBodyInsideExecuteIsRetried() {
        sequence(server, "/body", ok("first"), ok("second"));
        AtomicInteger calls = new AtomicInteger();
        String result = pipeline().build().execute(getRequest("/body"), response -> {
            String text = text(response);
            if (calls.incrementAndGet() == 1) {
                throw new IOException("connection dropped mid-body");
            }
            return text;
        });
        assertThat(result).isEqualTo("second");
    }

    @Test
    void aPostCarriesOneIdempotencyKeyPerCallTheSameOnEveryAttempt() {
        sequence(server, "/charges", aResponse().withStatus(503), aResponse().withStatus(502), ok("created"));
        HttpPipeline p = pipeline().retryPolicy(RetryPolicy.builder().idempotencyKeys().build()).build();
        p.execute(post("/charges"), HttpPipelineRetryTest::text);
        server.resetScenarios();
        p.execute(post("/charges"), HttpPipelineRetryTest::text);

        List<String> keys = server.findAll(postRequestedFor(urlPathEqualTo("/charges"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(6).doesNotContainNull();
        assertThat(keys.subList(0, 3)).containsOnly(keys.get(0));
        assertThat(keys.subList(3, 6)).containsOnly(keys.get(3));
        assertThat(keys.get(0)).isNotEqualTo(keys.get(3));
    }

    @Test
    void theIdempotencyHeaderIsConfigurableAndACallersOwnKeyIsKept() {
        sequence(server, "/orders", aResponse().withStatus(503), ok("ok"));
        HttpPipeline p = pipeline().retryPolicy(RetryPolicy.builder().idempotencyKeyHeader("X-Request-Id").build())
                .build();
        p.execute(post("/orders").toBuilder().header("X-Request-Id", "mine-42").build(), HttpPipelineRetryTest::text);
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/orders")));
        assertThat(requests).extracting(r -> r.getHeader("X-Request-Id")).containsExactly("mine-42", "mine-42");
        assertThat(requests).allSatisfy(r -> assertThat(r.containsHeader("Idempotency-Key")).isFalse());
    }

    @Test
    void byDefaultAPostCarriesNoIdempotencyKeyAndIsNotRetried() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/pay"))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> pipeline().build().send(post("/pay"))).isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("not idempotent");
        server.verify(1, postRequestedFor(urlPathEqualTo("/pay")));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/pay"))).get(0).containsHeader("Idempotency-Key"))
                .isFalse();
    }

    @Test
    void withKeysOnButNoRetriesAPostCarriesNoKey() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/pay"))
                .willReturn(ok("paid")));
        HttpPipeline p = pipeline().retryPolicy(RetryPolicy.none().toBuilder().idempotencyKeys().build()).build();
        assertThat(p.execute(post("/pay"), HttpPipelineRetryTest::text)).isEqualTo("paid");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/pay"))).get(0).containsHeader("Idempotency-Key"))
                .isFalse();
    }

    @Test
    void withoutIdempotencyKeysAPostIsNeverRetried() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/pay"))
                .willReturn(aResponse().withStatus(503)));
        HttpPipeline p = pipeline().retryPolicy(RetryPolicy.builder().noIdempotencyKeys().build()).build();
        assertThatThrownBy(() -> p.send(post("/pay"))).isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("not idempotent");
        server.verify(1, postRequestedFor(urlPathEqualTo("/pay")));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/pay"))).get(0).containsHeader("Idempotency-Key"))
                .isFalse();
    }

    @Test
    void aPostDeclaredIdempotentIsRetriedWithoutAKey() {
        sequence(server, "/search", aResponse().withStatus(500), ok("hits"));
        Request search = post("/search").toBuilder().idempotent(true).build();
        assertThat(pipeline().build().execute(search, HttpPipelineRetryTest::text)).isEqualTo("hits");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/search"))))
                .allSatisfy(r -> assertThat(r.containsHeader("Idempotency-Key")).isFalse()).hasSize(2);
    }

    @Test
    void aSlowResponseHeadTimesOutAndIsRetried() {
        sequence(server, "/slow", ok("late").withFixedDelay(2_000), ok("fast"));
        HttpPipeline p = pipeline().requestTimeout(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        assertThat(p.execute(getRequest("/slow"), HttpPipelineRetryTest::text)).isEqualTo("fast");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
        assertThat(listener.retries()).singleElement().satisfies(r -> assertThat(r.reason()).contains("timed out"));
    }

    @Test
    void anAttemptNeverOutlivesTheCallsBudget() {
        server.stubFor(get(urlPathEqualTo("/stuck")).willReturn(ok("never").withFixedDelay(3_000)));
        HttpPipeline p = HttpPipeline.builder().retryPolicy(RetryPolicy.builder().budget(Duration.ofMillis(300))
                .build()).requestTimeout(Duration.ofSeconds(20)).build();
        long start = System.nanoTime();
        TransportException e = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
                () -> p.send(getRequest("/stuck")));
        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).contains("retry budget");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void anInterruptedThreadStopsRetrying() {
        server.stubFor(get(urlPathEqualTo("/i")).willReturn(aResponse().withStatus(503)));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> pipeline().build().send(getRequest("/i"))).isInstanceOf(TransportException.class)
                    .hasMessageContaining("not retried: the thread was interrupted");
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        assertThat(server.findAll(anyRequestedFor(urlPathEqualTo("/i")))).hasSizeLessThanOrEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aFailingListenerNeverBreaksTheCall() {
        sequence(server, "/l", aResponse().withStatus(503), ok("ok"));
        InletListener broken = new InletListener() {
            @Override
            public void requestSent(RequestSent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void retryScheduled(RetryScheduled event) {
                throw new IllegalStateException("listener bug");
            }
        };
        assertThat(pipeline().listener(broken).build().execute(getRequest("/l"), HttpPipelineRetryTest::text))
                .isEqualTo("ok");
    }

    @Test
    void theBuilderChecksItsInputAndKeepsItsDefaults() {
        HttpPipeline defaults = HttpPipeline.defaults();
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.retryPolicy()).isSameAs(RetryPolicy.defaults());
        assertThatThrownBy(() -> HttpPipeline.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpPipeline.builder().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transport.jdk(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        HttpPipeline tuned = defaults.toBuilder().readTimeout(Duration.ZERO).build();
        assertThat(tuned.readTimeout()).isZero();
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}
