package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.inlet.rest.FakeApi.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.paginate.Paginators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** A saved position, handed back later, yields exactly the records not delivered before. */
class ResumeTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Connector<JsonNode> charges() {
        return RestConnector.builder("charges").baseUrl(api.baseUrl()).path("/v1/charges").records("/data")
                .paginator(Paginators.stripe())
                .pipeline(HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    @ParameterizedTest(name = "stop after {0} records")
    @ValueSource(ints = {1, 2, 3, 4, 6, 9, 10})
    void resumingFromASavedPositionYieldsExactlyTheRest(int stopAfter) {
        FakeApi.stripeLike(api, "/v1/charges", 10, 3);
        Connector<JsonNode> connector = charges();

        String saved;
        List<Integer> first = new ArrayList<>();
        try (ConnectorRun<JsonNode> run = connector.open()) {
            run.records().limit(stopAfter).forEach(r -> first.add(r.get("n").asInt()));
            saved = run.position().asString();
        }
        List<Integer> rest = numbers(connector.records(Position.parse(saved)));

        assertThat(first).isEqualTo(range(0, stopAfter));
        assertThat(rest).isEqualTo(range(stopAfter, 10));
    }

    @Test
    void aFailedRunCarriesThePositionThatResumesWithTheMissingRecords() {
        FakeApi.stripeLike(api, "/v1/charges", 10, 3);
        api.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("starting_after", equalTo("r5"))
                .atPriority(1).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));
        Connector<JsonNode> connector = charges();

        List<Integer> delivered = new ArrayList<>();
        HttpStatusException failure = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> connector.records().forEach(r -> delivered.add(r.get("n").asInt())));
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.getMessage()).contains("connector 'charges'").contains("page 3").contains("boom");
        assertThat(delivered).isEqualTo(range(0, 6));

        api.resetAll();
        FakeApi.stripeLike(api, "/v1/charges", 10, 3);
        Position resume = Position.parse(failure.resumePosition().orElseThrow().asString());
        assertThat(numbers(connector.records(resume))).isEqualTo(range(6, 10));
        assertThat(connector.lastReport()).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
    }

    @Test
    void anEngineDrivingTheStepPageByPageGetsEveryRecordOnce() {
        FakeApi.stripeLike(api, "/v1/charges", 10, 3);
        Connector<JsonNode> connector = charges();

        List<Integer> all = new ArrayList<>();
        Optional<Position> next = Optional.of(Position.start());
        int pages = 0;
        while (next.isPresent()) {
            // An engine stores the position as text between steps, perhaps in another process.
            Page<JsonNode> page = connector.fetch(Position.parse(next.get().asString()));
            page.records().forEach(r -> all.add(r.get("n").asInt()));
            next = page.next();
            pages++;
        }
        assertThat(all).isEqualTo(range(0, 10));
        assertThat(pages).isEqualTo(4);
    }
}
