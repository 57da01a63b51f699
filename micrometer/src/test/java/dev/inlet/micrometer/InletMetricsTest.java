package dev.inlet.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.InletListener;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.webhooks.receiver.WebhookListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each event becomes the meters docs/observability.md lists, with bounded, secret-free tags. */
class InletMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InletMetrics metrics = InletMetrics.of(registry);

    private static RunReport report(String connector, boolean completed, Map<String, Long> rejectedByRule) {
        return new RunReport(connector, Instant.EPOCH, Duration.ofSeconds(2), 3, 12, 10, 2, rejectedByRule, List.of(),
                1, Duration.ZERO, completed, completed ? Optional.empty() : Optional.of("boom"), Optional.empty(),
                List.of(), 0);
    }

    @Test
    void responsesAreTimedByConnectorEndpointTemplateMethodAndStatusClass() {
        metrics.responseReceived(new InletListener.ResponseReceived("stripe", "GET",
                "https://api.stripe.com/v1/customers/cus_9s6XKzkNRiz8i3/charges?limit=10&key=***", 200,
                Duration.ofMillis(40), 1, "x1"));
        metrics.responseReceived(new InletListener.ResponseReceived("stripe", "GET",
                "https://api.stripe.com/v1/customers/cus_Other00000001/charges?limit=10", 201, Duration.ofMillis(60), 1,
                "x2"));

        var timer = registry.get("inlet.http.client.requests").tag("connector", "stripe")
                .tag("endpoint", "api.stripe.com/v1/customers/{id}/charges").tag("method", "GET").tag("status", "2xx")
                .timer();
        assertThat(timer.count()).as("one endpoint, whatever the customer").isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    }

    @Test
    void cachedMetersStillSeparateEveryTagCombinationAndTemplateEveryPath() {
        int paths = InletMetrics.MAX_CACHED_TEMPLATES + 50; // past the template cache's bound: it starts over
        for (int i = 0; i < paths; i++) {
            for (int status : new int[] {200, 503}) {
                metrics.responseReceived(new InletListener.ResponseReceived(i % 2 == 0 ? "even" : "odd", "GET",
                        "https://api.example.com/v1/orders/" + (100_000 + i) + "/lines?page=" + i, status,
                        Duration.ofMillis(1), 1, "x" + i));
            }
        }
        for (String connector : List.of("even", "odd")) {
            for (String status : List.of("2xx", "5xx")) {
                assertThat(registry.get("inlet.http.client.requests").tag("connector", connector)
                        .tag("endpoint", "api.example.com/v1/orders/{id}/lines").tag("status", status).timer().count())
                        .as(connector + " " + status).isEqualTo(paths / 2);
            }
        }
        assertThat(registry.find("inlet.http.client.requests").timers()).hasSize(4);
    }

    @Test
    void methodsAndStatusClassesAreNormalisedWhateverTheirCase() {
        for (String method : List.of("GET", "get", "Get", "PROPFIND", "post")) {
            for (int status : new int[] {101, 204, 302, 404, 599, 600, 42}) {
                metrics.responseReceived(new InletListener.ResponseReceived("c", method, "https://h.example/p", status,
                        Duration.ofMillis(1), 1, "x"));
            }
        }
        assertThat(registry.get("inlet.http.client.requests").tag("method", "GET").tag("status", "2xx").timer().count())
                .isEqualTo(3);
        assertThat(registry.get("inlet.http.client.requests").tag("method", "other").tag("status", "1xx").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("inlet.http.client.requests").tag("method", "POST").tag("status", "unknown").timer()
                .count()).as("600 and 42 are not HTTP statuses").isEqualTo(2);
        assertThat(registry.find("inlet.http.client.requests").timers()).extracting(t -> t.getId().getTag("status"))
                .containsOnly("1xx", "2xx", "3xx", "4xx", "5xx", "unknown");
        assertThat(registry.find("inlet.http.client.requests").timers()).hasSize(3 * 6);
    }

    @Test
    void retriesAreCountedByCauseAndFailuresByException() {
        metrics.retryScheduled(new InletListener.RetryScheduled("crm", "GET", "https://crm.example/v2/deals", 1,
                Duration.ofSeconds(1), "HttpStatusException: HTTP 503 from GET https://crm.example/v2/deals (waiting backoff)",
                "x"));
        metrics.retryScheduled(new InletListener.RetryScheduled("crm", "GET", "https://crm.example/v2/deals", 2,
                Duration.ofSeconds(1), "TransportException: connection reset (waiting backoff)", "x"));
        metrics.callFailed(new InletListener.CallFailed("crm", "x", "GET", "https://crm.example/v2/deals", 3,
                "dev.inlet.core.error.CircuitOpenException", "open"));

        assertThat(registry.get("inlet.http.client.retries").tag("cause", "http_503").counter().count()).isEqualTo(1);
        assertThat(registry.get("inlet.http.client.retries").tag("cause", "TransportException")
                .tag("endpoint", "crm.example/v2/deals").counter().count()).isEqualTo(1);
        assertThat(registry.get("inlet.http.client.failures").tag("exception", "CircuitOpenException").counter().count())
                .isEqualTo(1);
    }

    @Test
    void rateLimitWaitsAreTimedBySource() {
        metrics.rateLimited(new InletListener.RateLimited("crm", "crm.example", Duration.ofMillis(250),
                "client-side rate of 10 per 1s"));
        metrics.rateLimited(new InletListener.RateLimited("crm", "crm.example", Duration.ofSeconds(2),
                "server: Retry-After on HTTP 429"));
        metrics.rateLimited(new InletListener.RateLimited("gh", "github", Duration.ofSeconds(3),
                "query cost: viewer needs 5 points"));
        metrics.rateLimited(new InletListener.RateLimited("crm", "crm.example", Duration.ofSeconds(4),
                "remaining budget 0 until reset"));

        assertThat(registry.get("inlet.ratelimit.waits").tag("source", "client_rate").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(registry.get("inlet.ratelimit.waits").tag("source", "server_hint").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.ratelimit.waits").tag("source", "cost_budget").tag("limiter", "github").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("inlet.ratelimit.waits").tag("source", "server_budget").timer().count()).isEqualTo(1);
    }

    @Test
    void stateCommitsAreTimedByOutcome() {
        metrics.stateCommitted(new InletListener.StateCommitted("orders", "r1", "orders", Duration.ofMillis(4), true));
        metrics.stateCommitted(new InletListener.StateCommitted("orders", "r1", "orders", Duration.ofMillis(6), true));
        metrics.stateCommitted(new InletListener.StateCommitted("orders", "r1", "orders", Duration.ofMillis(9), false));

        var success = registry.get("inlet.state.commit").tag("connector", "orders").tag("outcome", "success").timer();
        assertThat(success.count()).isEqualTo(2);
        assertThat(success.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(10);
        assertThat(registry.get("inlet.state.commit").tag("outcome", "failure").timer().count()).isEqualTo(1);
    }

    @Test
    void pagesRecordsAndRejectionsPerRun() {
        metrics.pageDone(new InletListener.PageDone("orders", Position.start(), Optional.empty(), 8, 2,
                Duration.ofMillis(30), "r1"));
        metrics.runFinished(new InletListener.RunFinished("r1", report("orders", true, Map.of("required", 2L))));
        metrics.runFinished(new InletListener.RunFinished("r2", report("orders", false, Map.of())));

        assertThat(registry.get("inlet.records").tag("result", "delivered").counter().count()).isEqualTo(8);
        assertThat(registry.get("inlet.records").tag("result", "rejected").counter().count()).isEqualTo(2);
        assertThat(registry.get("inlet.page.duration").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.run.pages").summary().totalAmount()).isEqualTo(6);
        assertThat(registry.get("inlet.run.records").summary().count()).isEqualTo(2);
        assertThat(registry.get("inlet.run.duration").tag("outcome", "completed").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.run.duration").tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.records.rejected").tag("rule", "required").counter().count()).isEqualTo(2);
    }

    @Test
    void webhookDeliveriesByOutcomeAndReasonWithInboxDepthAndHandlerLag() {
        metrics.deliveryAnswered(delivery(WebhookListener.Outcome.ACCEPTED, "accepted", 200, 3));
        metrics.deliveryAnswered(delivery(WebhookListener.Outcome.REFUSED, "NO_MATCHING_SIGNATURE", 401, 3));
        metrics.deliveryAnswered(delivery(WebhookListener.Outcome.THROTTLED, "queue_full", 503, 5));

        assertThat(registry.get("inlet.webhook.deliveries").tag("endpoint", "/hooks/stripe").tag("outcome", "refused")
                .tag("reason", "NO_MATCHING_SIGNATURE").counter().count()).isEqualTo(1);
        assertThat(registry.get("inlet.webhook.deliveries").tag("outcome", "throttled").counter().count()).isEqualTo(1);
        assertThat(registry.get("inlet.webhook.delivery.duration").tag("outcome", "accepted").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("inlet.webhook.inbox.depth").gauge().value()).isEqualTo(5);

        metrics.eventHandled(new WebhookListener.Handled("/hooks/stripe", Optional.of("charge.succeeded"), false, 2,
                Duration.ofMillis(20), Duration.ofSeconds(3), 4, Map.of(), Instant.EPOCH));
        assertThat(registry.get("inlet.webhook.handler.duration").tag("event.type", "charge.succeeded")
                .tag("outcome", "handled").timer().count()).isEqualTo(1);
        assertThat(registry.get("inlet.webhook.handler.lag").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(registry.get("inlet.webhook.inbox.depth").gauge().value()).as("its slot is returned").isEqualTo(3);
    }

    private static WebhookListener.Delivery delivery(WebhookListener.Outcome outcome, String reason, int status,
            int depth) {
        return new WebhookListener.Delivery("/hooks/stripe", "POST", outcome, reason, status, Map.of(), Instant.EPOCH,
                Duration.ofMillis(3), depth);
    }

    @Test
    void eachTagKeepsItsFirstValuesAndCountsTheRestAsOther() {
        InletMetrics capped = InletMetrics.builder(registry).maxTagValues(3).build();

        for (int i = 0; i < 50; i++) {
            capped.responseReceived(new InletListener.ResponseReceived("c", "GET",
                    "https://api.example.com/things" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "/list", 200, Duration.ZERO, 1));
        }

        List<String> endpoints = registry.find("inlet.http.client.requests").meters().stream()
                .map(m -> m.getId().getTag("endpoint")).toList();
        assertThat(endpoints).hasSize(4).contains("other");
        assertThat(registry.get("inlet.http.client.requests").tag("endpoint", "other").timer().count()).isEqualTo(47);
    }

    @Test
    void commonTagsAreOnEveryMeterAndTheCapMustBePositive() {
        InletMetrics tagged = InletMetrics.builder(registry).commonTags("app", "billing").build();
        tagged.pageDone(new InletListener.PageDone("orders", Position.start(), Optional.empty(), 1, 0, Duration.ZERO));

        assertThat(registry.getMeters()).extracting(Meter::getId).filteredOn(id -> id.getName().equals("inlet.records"))
                .allSatisfy(id -> assertThat(id.getTags()).contains(Tag.of("app", "billing")));
        assertThatThrownBy(() -> InletMetrics.builder(registry).maxTagValues(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTagValues");
    }
}
