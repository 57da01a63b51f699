package dev.inlet.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.breaker.BreakerPolicy;
import dev.inlet.core.breaker.CircuitBreakers;
import dev.inlet.core.error.CircuitOpenException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.retry.RetryPolicy;
import java.time.Duration;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.testing.LoopbackServer;
import dev.inlet.rest.RestConnector;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real run over loopback HTTP — an id in the path, an API key in the query, Basic credentials, a
 * 503 retried — leaves the meters with templates and status classes, and no id or secret in any tag.
 */
class MetricsOverHttpTest {

    private static final String KEY = "k3y-s3cret/+=";
    private static final String PASSWORD = "p4ss-s3cret";
    private final LoopbackServer server = LoopbackServer.start();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRunIsMeasuredWithoutIdsOrSecretsInTags() {
        server.route("/v1/customers/48151623/orders", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            LoopbackServer.write(LoopbackServer.ok(exchange, "application/json", null), "[{\"n\":1},{\"n\":2}]");
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Origin origin = Origin.of(server.baseUrl());
        Connector<JsonNode> connector = RestConnector.builder("crm").baseUrl(server.baseUrl())
                .path("/v1/customers/48151623/orders").query("since", "2024-01-01").listener(InletMetrics.of(registry))
                .pipeline(HttpPipeline.builder().sleeper(wait -> { }).build())
                .credentials(Credentials.all(Credentials.apiKeyQuery(origin, "api_key", Secret.of(KEY)),
                        Credentials.basic(origin, "jane", Secret.of(PASSWORD))))
                .build();

        try (Stream<JsonNode> records = connector.records()) {
            assertThat(records.count()).isEqualTo(2);
        }

        String endpoint = "127.0.0.1:" + server.baseUrl().replaceAll(".*:", "") + "/v1/customers/{id}/orders";
        assertThat(registry.get("inlet.http.client.requests").tag("endpoint", endpoint).tag("status", "2xx").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("inlet.http.client.requests").tag("status", "5xx").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.http.client.retries").tag("cause", "http_503").counter().count()).isEqualTo(1);
        assertThat(registry.get("inlet.run.records").tag("connector", "crm").summary().totalAmount()).isEqualTo(2);

        String basic = Base64.getEncoder().encodeToString(("jane:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(registry.getMeters()).isNotEmpty().flatExtracting(MetricsOverHttpTest::tagValues).allSatisfy(value ->
                assertThat(value).doesNotContain(KEY).doesNotContain(URLEncoder.encode(KEY, StandardCharsets.UTF_8))
                        .doesNotContain(PASSWORD).doesNotContain(basic).doesNotContain("48151623")
                        .doesNotContain("2024-01-01").doesNotContain("api_key"));
    }

    @Test
    void theCircuitStateOfEachHostIsAGauge() {
        server.route("/down", exchange -> exchange.sendResponseHeaders(503, -1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CircuitBreakers breakers = CircuitBreakers.create();
        InletMetrics metrics = InletMetrics.builder(registry).circuitBreakers(breakers).build();
        HttpPipeline pipeline = HttpPipeline.builder().listener(metrics).retryPolicy(RetryPolicy.none())
                .circuitBreaker(breakers.perHost(BreakerPolicy.builder().failureThreshold(1, 1)
                        .openFor(Duration.ofMinutes(5)).build()))
                .build();
        String host = server.baseUrl().substring("http://".length());

        try (Response first = pipeline.send(Request.builder(server.baseUrl() + "/down").get().build())) {
            assertThat(first.status()).isEqualTo(503);
        } catch (HttpStatusException expected) {
            assertThat(expected.status()).isEqualTo(503);
        }

        assertThat(registry.get("inlet.circuit.state").tag("host", host).gauge().value()).as("open").isEqualTo(2);
        assertThatThrownBy(() -> pipeline.send(Request.builder(server.baseUrl() + "/down").get().build()))
                .isInstanceOf(CircuitOpenException.class);
        assertThat(registry.get("inlet.http.client.failures").tag("exception", "CircuitOpenException").counter()
                .count()).isEqualTo(1);
    }

    private static java.util.List<String> tagValues(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getValue).toList();
    }
}
