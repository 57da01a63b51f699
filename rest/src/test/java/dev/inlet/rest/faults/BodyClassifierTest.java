package dev.inlet.rest.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.rest.faults.PagedApi.MIDDLE;
import static dev.inlet.rest.faults.PagedApi.TOTAL;
import static dev.inlet.rest.faults.PagedApi.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.Connector;
import dev.inlet.core.Position;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.BodyClassifier;
import dev.inlet.core.retry.BodyVerdict;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.rest.RestConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Errors hidden in 200s: the caller's classifier decides retry, fail or accept. */
class BodyClassifierTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Slack style: {@code {"ok": false, "error": "ratelimited"}}. */
    private static final BodyClassifier SLACK = (response, envelope) -> envelope.path("ok").asBoolean(true)
            ? BodyVerdict.ACCEPT
            : envelope.path("error").asString().equals("ratelimited") ? BodyVerdict.RETRY : BodyVerdict.FAIL;

    private final FakeClock clock = new FakeClock();

    private Connector<JsonNode> connector() {
        return RestConnector.builder("slack").baseUrl(server.baseUrl()).path("/items").records("/data")
                .missingRecordsAsEmpty(true).paginator(PagedApi.OFFSET.paginator())
                .pipeline(HttpPipeline.builder().clock(clock).sleeper(clock)
                        .retryPolicy(RetryPolicy.builder().bodyClassifier(SLACK).build()).build())
                .build();
    }

    private static void errorOnTheMiddlePage(String error, boolean once) {
        var stub = PagedApi.OFFSET.request(MIDDLE).atPriority(1);
        if (once) {
            stub = stub.inScenario("error").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok");
        }
        server.stubFor(stub.willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"" + error + "\"}")));
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    @Test
    void aTransientErrorInA200IsRetried() {
        PagedApi.OFFSET.stubGood(server);
        errorOnTheMiddlePage("ratelimited", true);
        Connector<JsonNode> connector = connector();

        assertThat(numbers(connector.records())).isEqualTo(range(0, TOTAL));
        assertThat(connector.lastReport().orElseThrow().retries()).isEqualTo(1);
        assertThat(clock.sleeps()).hasSize(1);
    }

    @Test
    void aPermanentErrorInA200StopsTheRunWhereItCanResume() {
        PagedApi.OFFSET.stubGood(server);
        errorOnTheMiddlePage("invalid_auth", false);
        Connector<JsonNode> connector = connector();
        List<Integer> delivered = new ArrayList<>();

        BodyErrorException e = org.junit.jupiter.api.Assertions.assertThrows(BodyErrorException.class,
                () -> connector.records().forEach(r -> delivered.add(r.get("n").asInt())));

        assertThat(e.getMessage()).contains("invalid_auth").contains("connector 'slack'");
        assertThat(e.isRetryable()).isFalse();
        assertThat(clock.sleeps()).as("not retried").isEmpty();
        assertThat(delivered).isEqualTo(range(0, PagedApi.PER_PAGE));
        server.resetAll();
        PagedApi.OFFSET.stubGood(server);
        assertThat(numbers(connector.records(Position.parse(e.resumePosition().orElseThrow().asString()))))
                .isEqualTo(range(PagedApi.PER_PAGE, TOTAL));
    }

    @Test
    void aGoodBodyIsAccepted() {
        PagedApi.OFFSET.stubGood(server);
        assertThat(numbers(connector().records())).isEqualTo(range(0, TOTAL));
        assertThat(clock.sleeps()).isEmpty();
    }
}
