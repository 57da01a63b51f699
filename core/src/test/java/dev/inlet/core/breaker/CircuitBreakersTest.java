package dev.inlet.core.breaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.error.CircuitOpenException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failing host's circuit opens, refuses requests without sending them, and closes after a good trial. */
class CircuitBreakersTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeClock clock = new FakeClock();
    private final CircuitBreakers breakers = CircuitBreakers.create();

    private HttpPipeline pipeline(BreakerPolicy policy) {
        return HttpPipeline.builder().retryPolicy(RetryPolicy.none()).clock(clock).sleeper(clock)
                .circuitBreaker(breakers.perHost(policy)).build();
    }

    private String host() {
        return "localhost:" + server.getPort();
    }

    private void send(HttpPipeline pipeline, String path) {
        try (Response ignored = pipeline.send(Request.builder(server.baseUrl() + path + "?token=s3cret").build())) {
            assertThat(ignored.status()).isEqualTo(200);
        }
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterRequestsFailFastWithoutBeingSent() {
        server.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        HttpPipeline p = pipeline(BreakerPolicy.builder().failureThreshold(3, 5).openFor(Duration.ofMinutes(1)).build());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> send(p, "/down")).isInstanceOf(HttpStatusException.class);
        }
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.OPEN);

        CircuitOpenException e = org.junit.jupiter.api.Assertions.assertThrows(CircuitOpenException.class,
                () -> send(p, "/down"));
        assertThat(e.host()).isEqualTo(host());
        assertThat(e.retryAt()).isBetween(clock.instant().plusSeconds(50), clock.instant().plusSeconds(60));
        assertThat(e.getMessage()).contains("was not sent").contains("failed 3 of its last 5")
                .contains("token=***").doesNotContain("s3cret");
        server.verify(3, anyRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void anOpenCircuitIsNotRetriedByThePolicy() {
        server.stubFor(get(urlPathEqualTo("/flaky")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpPipeline p = HttpPipeline.builder().clock(clock).sleeper(clock).circuitBreaker(breakers.perHost(
                BreakerPolicy.builder().failureThreshold(2, 2).build())).build();
        InletException e = org.junit.jupiter.api.Assertions.assertThrows(InletException.class, () -> send(p, "/flaky"));
        assertThat(e).isInstanceOf(CircuitOpenException.class);
        assertThat(RetryPolicy.defaults().isRetryable(e)).isFalse();
        // Two attempts failed (the JDK may repeat a GET once by itself), then the circuit refused the third.
        assertThat(clock.sleeps()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void afterTheOpenPeriodOneGoodTrialClosesTheCircuit() {
        server.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(500)));
        HttpPipeline p = pipeline(BreakerPolicy.builder().failureThreshold(1, 1).openFor(Duration.ofMillis(150)).build());
        assertThatThrownBy(() -> send(p, "/x")).isInstanceOf(HttpStatusException.class);
        assertThatThrownBy(() -> send(p, "/x")).isInstanceOf(CircuitOpenException.class);
        server.stubFor(get(urlPathEqualTo("/x")).willReturn(ok()));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (breakers.state(host()).orElseThrow() == CircuitBreakers.State.OPEN && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.HALF_OPEN);
        send(p, "/x");
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.CLOSED);
        send(p, "/x");
    }

    @Test
    void aFailedTrialReopensIt() {
        server.stubFor(get(urlPathEqualTo("/y")).willReturn(aResponse().withStatus(502)));
        HttpPipeline p = pipeline(BreakerPolicy.builder().failureThreshold(1, 1).openFor(Duration.ofMillis(100)).build());
        assertThatThrownBy(() -> send(p, "/y")).isInstanceOf(HttpStatusException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (breakers.state(host()).orElseThrow() == CircuitBreakers.State.OPEN && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> send(p, "/y")).as("the trial").isInstanceOf(HttpStatusException.class);
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.OPEN);
        server.verify(2, anyRequestedFor(urlPathEqualTo("/y")));
    }

    @Test
    void clientErrorsAndThrottlingSayNothingAboutTheHostsHealth() {
        server.stubFor(get(urlPathEqualTo("/404")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/429")).willReturn(aResponse().withStatus(429)));
        HttpPipeline p = pipeline(BreakerPolicy.builder().failureThreshold(1, 1).build());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> send(p, "/404")).isInstanceOf(HttpStatusException.class);
            assertThatThrownBy(() -> send(p, "/429")).isInstanceOf(HttpStatusException.class);
        }
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.CLOSED);
    }

    @Test
    void connectionFailuresCount() {
        server.stubFor(get(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        HttpPipeline p = pipeline(BreakerPolicy.builder().failureThreshold(1, 1).build());
        assertThatThrownBy(() -> send(p, "/reset")).isInstanceOf(TransportException.class);
        assertThat(breakers.state(host())).contains(CircuitBreakers.State.OPEN);
        assertThat(breakers.state("elsewhere.example.com")).isEmpty();
    }

    @Test
    void thePolicyChecksItsInput() {
        BreakerPolicy d = BreakerPolicy.defaults();
        assertThat(d.failures()).isEqualTo(5);
        assertThat(d.outOf()).isEqualTo(10);
        assertThat(d.openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.successes()).isEqualTo(1);
        assertThat(d.failureStatuses()).containsExactlyInAnyOrder(500, 502, 503, 504);
        assertThat(d.isFailure(429)).isFalse();
        assertThat(d.toBuilder().build()).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(d.toString()).contains("5 of 10");
        assertThatThrownBy(() -> BreakerPolicy.builder().failureThreshold(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BreakerPolicy.builder().openFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BreakerPolicy.builder().successThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BreakerPolicy.builder().failureStatuses(Set.of(503, 429)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("429");
    }
}
