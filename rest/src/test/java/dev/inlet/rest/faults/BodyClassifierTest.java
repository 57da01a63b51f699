package dev.inlet.rest.faults;

import static dev.inlet.rest.Items.range;
import static dev.inlet.rest.faults.PagedApi.MIDDLE;
import static dev.inlet.rest.faults.PagedApi.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.Connector;
import dev.inlet.core.Position;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.BodyClassifier;
import dev.inlet.core.retry.BodyVerdict;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.rest.RestConnector;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Errors hidden in 200s: the caller's classifier decides retry, fail or accept. */
class BodyClassifierTest {

    private FakeApi server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Slack style: {@code {"ok": false, "error": "ratelimited"}}. */
    private static final BodyClassifier SLACK = (response, envelope) -> envelope.path("ok").asBoolean(true)
            ? BodyVerdict.ACCEPT
            : envelope.path("error").asString().equals("ratelimited") ? BodyVerdict.RETRY : BodyVerdict.FAIL;

    private final FakeClock clock = new FakeClock();

    private Connector<JsonNode> connector() {
        return RestConnector.builder("slack").baseUrl(server.baseUrl()).path(server.path()).records("/data")
                .missingRecordsAsEmpty(true).paginator(PagedApi.OFFSET.paginator())
                .pipeline(HttpPipeline.builder().clock(clock).sleeper(clock)
                        .retryPolicy(RetryPolicy.builder().bodyClassifier(SLACK).build()).build())
                .build();
    }

    /** Slack's error in a 200 on the middle page: its first request only, or that one and every later one. */
    private void errorOnTheMiddlePage(String error, boolean once) {
        Fault slack = Fault.errorInBody("{\"ok\":false,\"error\":\"" + error + "\"}");
        server = PagedApi.OFFSET.start(once ? FaultPlan.builder().at(MIDDLE, slack).build()
                : FaultPlan.builder().from(MIDDLE, slack).build());
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    @Test
    void aTransientErrorInA200IsRetried() {
        errorOnTheMiddlePage("ratelimited", true);
        Connector<JsonNode> connector = connector();

        assertThat(numbers(connector.records())).isEqualTo(range(0, TOTAL));
        assertThat(connector.lastReport().orElseThrow().retries()).isEqualTo(1);
        assertThat(clock.sleeps()).hasSize(1);
    }

    @Test
    void aPermanentErrorInA200StopsTheRunWhereItCanResume() {
        errorOnTheMiddlePage("invalid_auth", false);
        Connector<JsonNode> connector = connector();
        List<Integer> delivered = new ArrayList<>();

        BodyErrorException e = org.junit.jupiter.api.Assertions.assertThrows(BodyErrorException.class,
                () -> connector.records().forEach(r -> delivered.add(r.get("n").asInt())));

        assertThat(e.getMessage()).contains("invalid_auth").contains("connector 'slack'");
        assertThat(e.isRetryable()).isFalse();
        assertThat(clock.sleeps()).as("not retried").isEmpty();
        assertThat(delivered).isEqualTo(range(0, PagedApi.PER_PAGE));
        server.replaceFaults(FaultPlan.none());
        assertThat(numbers(connector.records(Position.parse(e.resumePosition().orElseThrow().asString()))))
                .isEqualTo(range(PagedApi.PER_PAGE, TOTAL));
    }

    @Test
    void aGoodBodyIsAccepted() {
        server = PagedApi.OFFSET.start(FaultPlan.none());
        assertThat(numbers(connector().records())).isEqualTo(range(0, TOTAL));
        assertThat(clock.sleeps()).isEmpty();
    }
}
