package dev.inlet.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.core.http.Stubs.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.InletListener;
import dev.inlet.core.Secret;
import dev.inlet.core.Sleeper;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.breaker.BreakerPolicy;
import dev.inlet.core.breaker.CircuitBreakers;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.OriginRefusedException;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HttpPipeline#sendAsync}: the same call as {@code send} (links, retries, events, errors), with no
 * thread waiting when every link is asynchronous and the transport is the JDK client's asynchronous API.
 * How many waiting requests hold no thread is in {@link AsyncWaitingThreadsTest}.
 */
class AsyncPipelineTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();

    private HttpPipeline.Builder pipeline() {
        return HttpPipeline.builder().transport(Transport.jdk()).clock(clock).sleeper(clock).listener(listener);
    }

    private Request request(String path) {
        return Request.builder(server.baseUrl() + path).connector("test").build();
    }

    private static String text(Response response) {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((r, e) -> e instanceof CompletionException ? e.getCause() : e).join();
    }

    @Test
    void builtInLinksOverTheJdkTransportSendAsynchronouslyAndAnythingElseSaysItDoesNot() {
        Origin origin = Origin.of(java.net.URI.create(server.baseUrl()));
        HttpPipeline everything = pipeline()
                .credentials(Credentials.all(Credentials.bearer(origin, Secret.of("t")),
                        Credentials.apiKeyQuery(origin, "key", Secret.of("k"))))
                .rateLimiter(RateLimiters.create().perHost(RateLimit.perSecond(100)))
                .circuitBreaker(CircuitBreakers.create().perHost())
                .build();
        assertThat(everything.sendsAsynchronously()).isTrue();
        assertThat(everything.toBuilder().transport(Transport.sockets()).build().sendsAsynchronously())
                .as("a transport without an asynchronous API").isFalse();
        assertThat(everything.toBuilder().addInterceptor(chain -> chain.proceed(chain.request())).build()
                .sendsAsynchronously()).as("a synchronous interceptor").isFalse();
        Credentials custom = new Credentials() {
            @Override
            public boolean appliesTo(Origin o) {
                return true;
            }

            @Override
            public Response intercept(Chain chain) throws IOException {
                return chain.proceed(chain.request());
            }
        };
        assertThat(everything.toBuilder().credentials(Credentials.all(Credentials.bearer(origin, Secret.of("t")), custom))
                .build().sendsAsynchronously()).as("a composite holding a synchronous credential").isFalse();
    }

    @Test
    void retriesWaitThroughTheSleepersDelayAndReportWhatTheSynchronousCallReports() {
        sequence(server, "/x", aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(200).withBody("done"));
        HttpPipeline pipeline = pipeline().build();

        assertThat(text(pipeline.sendAsync(request("/x")).join())).isEqualTo("done");
        List<Duration> asyncSleeps = clock.sleeps();
        List<Object> asyncEvents = shapes(listener.events());

        server.resetAll();
        RecordingListener syncListener = new RecordingListener();
        pipeline = pipeline.toBuilder().listener(syncListener).build();
        sequence(server, "/x", aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(200).withBody("done"));
        assertThat(text(pipeline.send(request("/x")))).isEqualTo("done");

        assertThat(asyncSleeps).hasSize(2);
        assertThat(listener.retries()).extracting(InletListener.RetryScheduled::failedAttempt).containsExactly(1, 2);
        assertThat(asyncEvents).as("the same events, in the same order, as send").isEqualTo(shapes(syncListener.events()))
                .hasSize(8);
    }

    /** An event without what differs between two calls (exchange ids, timings, jittered waits). */
    private static List<Object> shapes(List<Object> events) {
        return events.stream().<Object>map(e -> {
            if (e instanceof InletListener.RequestSent s) {
                return "sent " + s.attempt();
            }
            if (e instanceof InletListener.ResponseReceived r) {
                return "received " + r.status() + " on attempt " + r.attempt();
            }
            if (e instanceof InletListener.RetryScheduled r) {
                return "retry after " + r.failedAttempt();
            }
            return e.getClass().getSimpleName();
        }).toList();
    }

    @Test
    void aNonSuccessStatusFailsTheFutureWithTheStatusErrorScrubbedOfTheKeySent() {
        Origin origin = Origin.of(java.net.URI.create(server.baseUrl()));
        server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404)
                .withBody("no such thing for key sup3r-s3cret")));
        HttpPipeline pipeline = pipeline().credentials(Credentials.apiKeyQuery(origin, "key", Secret.of("sup3r-s3cret")))
                .build();

        Throwable failure = failureOf(pipeline.sendAsync(request("/missing")));

        assertThat(failure).isInstanceOf(HttpStatusException.class);
        assertThat(((HttpStatusException) failure).status()).isEqualTo(404);
        assertThat(failure.getMessage()).contains("/missing").doesNotContain("sup3r-s3cret");
        assertThat(listener.failures()).hasSize(1);
        server.verify(1, anyRequestedFor(urlPathEqualTo("/missing")));
    }

    @Test
    void redirectsAreFollowedWithinTheOriginAndRefusedToAnother() {
        server.stubFor(get(urlPathEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        server.stubFor(get(urlPathEqualTo("/new")).willReturn(aResponse().withStatus(200).withBody("moved")));
        server.stubFor(get(urlPathEqualTo("/away")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://elsewhere.invalid/x")));
        HttpPipeline pipeline = pipeline().build();

        assertThat(text(pipeline.sendAsync(request("/old")).join())).isEqualTo("moved");
        assertThat(failureOf(pipeline.sendAsync(request("/away")))).isInstanceOf(OriginRefusedException.class)
                .hasMessageContaining("elsewhere.invalid");
    }

    @Test
    void credentialsRateLimitAndBreakerApplyToTheAsynchronousCall() {
        Origin origin = Origin.of(java.net.URI.create(server.baseUrl()));
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(200).withBody("ok")));
        HttpPipeline pipeline = pipeline()
                .credentials(Credentials.all(Credentials.bearer(origin, Secret.of("tok")),
                        Credentials.apiKeyQuery(origin, "key", Secret.of("k1"))))
                .rateLimiter(RateLimiters.create().perHost(RateLimit.perSecond(5)))
                .circuitBreaker(CircuitBreakers.create().perHost())
                .build();
        assertThat(pipeline.sendsAsynchronously()).isTrue();

        for (int i = 0; i < 6; i++) {
            assertThat(text(pipeline.sendAsync(request("/items")).join())).isEqualTo("ok");
        }

        server.verify(6, anyRequestedFor(urlPathEqualTo("/items"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok"))
                .withQueryParam("key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("k1")));
        assertThat(clock.totalSlept()).as("6 requests at 5/s wait on the fake clock, not on a thread")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(listener.rateLimited()).isNotEmpty();
    }

    @Test
    void aTokenRefusedWith401IsRenewedOnceAndTheRequestReplayed() {
        Origin origin = Origin.of(java.net.URI.create(server.baseUrl()));
        String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
        for (String token : new String[] {"old", "new"}) {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
                    .inScenario("tokens").whenScenarioStateIs(state).willSetStateTo("after-" + token)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"access_token\":\"" + token
                            + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
            state = "after-" + token;
        }
        server.stubFor(get(urlPathEqualTo("/me")).willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer new"))
                .willReturn(aResponse().withStatus(200).withBody("renewed")));
        HttpPipeline pipeline = pipeline().credentials(dev.inlet.core.auth.OAuth2ClientCredentials.builder()
                .origin(origin).tokenUrl(server.baseUrl() + "/oauth/token").clientId("id").clientSecret(Secret.of("s"))
                .clock(clock).sleeper(clock).build()).build();
        assertThat(pipeline.sendsAsynchronously()).isTrue();

        assertThat(text(pipeline.sendAsync(request("/me")).join())).isEqualTo("renewed");

        server.verify(2, anyRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(2, anyRequestedFor(urlPathEqualTo("/me")));
    }

    @Test
    void anOpenCircuitFailsTheFutureWithoutSending() {
        server.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        HttpPipeline pipeline = pipeline().retryPolicy(RetryPolicy.none())
                .circuitBreaker(CircuitBreakers.create().perHost(BreakerPolicy.builder().failureThreshold(2, 2).build()))
                .build();

        assertThat(failureOf(pipeline.sendAsync(request("/down")))).isInstanceOf(HttpStatusException.class);
        assertThat(failureOf(pipeline.sendAsync(request("/down")))).isInstanceOf(HttpStatusException.class);
        Throwable third = failureOf(pipeline.sendAsync(request("/down")));

        assertThat(third).isInstanceOf(dev.inlet.core.error.CircuitOpenException.class);
        server.verify(2, anyRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void aPipelineWithASynchronousInterceptorStillSendsAsyncOnAWaitingThread() {
        server.stubFor(get(urlPathEqualTo("/sync")).willReturn(aResponse().withStatus(200).withBody("fine")));
        List<String> threads = new CopyOnWriteArrayList<>();
        HttpPipeline pipeline = pipeline().addInterceptor(chain -> {
            threads.add(Thread.currentThread().getName());
            return chain.proceed(chain.request().toBuilder().header("X-Seen", "yes").build());
        }).build();

        assertThat(pipeline.sendsAsynchronously()).isFalse();
        String caller = Thread.currentThread().getName();
        assertThat(text(pipeline.sendAsync(request("/sync")).join())).isEqualTo("fine");

        assertThat(threads).hasSize(1).doesNotContain(caller);
        server.verify(1, anyRequestedFor(urlPathEqualTo("/sync"))
                .withHeader("X-Seen", com.github.tomakehurst.wiremock.client.WireMock.equalTo("yes")));
    }

    @Test
    void cancellingDuringABackoffStopsFurtherAttempts() throws Exception {
        server.stubFor(get(urlPathEqualTo("/flaky")).willReturn(aResponse().withStatus(503)));
        HeldDelays delays = new HeldDelays();
        HttpPipeline pipeline = pipeline().sleeper(delays).build();

        CompletableFuture<Response> call = pipeline.sendAsync(request("/flaky"));
        assertThat(delays.requested.await(10, TimeUnit.SECONDS)).as("the backoff after the first 503").isTrue();
        call.cancel(true);
        delays.release();

        assertThat(call).isCancelled();
        assertThat(listener.sent()).hasSize(1);
        server.verify(1, anyRequestedFor(urlPathEqualTo("/flaky")));
    }

    @Test
    void aResponseArrivingAfterTheCallerCancelledIsClosed() {
        CompletableFuture<Response> wire = new CompletableFuture<>();
        AtomicBoolean closed = new AtomicBoolean();
        Transport held = new Transport() {
            @Override
            public Response send(Request request, Duration timeout) {
                throw new AssertionError("the asynchronous path must not send synchronously");
            }

            @Override
            public CompletableFuture<Response> sendAsync(Request request, Duration timeout) {
                return wire;
            }

            @Override
            public boolean sendsAsynchronously() {
                return true;
            }
        };
        HttpPipeline pipeline = pipeline().transport(held).build();
        Request request = request("/late");

        CompletableFuture<Response> call = pipeline.sendAsync(request);
        call.cancel(true);
        wire.complete(new Response(request, 200, dev.inlet.core.Headers.of(java.util.Map.of()),
                new ByteArrayInputStream("late".getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public void close() {
                        closed.set(true);
                    }
                }, Instant.now(), Duration.ZERO));

        assertThatThrownBy(call::join).isInstanceOf(CancellationException.class);
        assertThat(closed).as("the late response's connection is given back").isTrue();
    }

    /** A sleeper whose delays complete only when the test releases them. */
    private static final class HeldDelays implements Sleeper {
        final CountDownLatch requested = new CountDownLatch(1);
        private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("an asynchronous call must not sleep on a thread");
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            CompletableFuture<Void> delay = new CompletableFuture<>();
            held.add(delay);
            requested.countDown();
            return delay;
        }

        void release() {
            held.forEach(d -> d.complete(null));
        }
    }
}
