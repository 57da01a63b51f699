package dev.inlet.rest;

import static dev.inlet.rest.Items.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** A saved position, handed back later, yields exactly the records not delivered before. */
class ResumeTest {

    private FakeApi api;

    private void stripeLike(FaultPlan faults) {
        api = Items.stripeLike(faults);
    }

    @AfterEach
    void stop() {
        api.close();
    }

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
        stripeLike(FaultPlan.none());
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
        // The third request (from 0: request 2) is the first for the page after r5; a resume is request 3 on.
        stripeLike(FaultPlan.builder().at(2, Fault.status(500)).build());
        Connector<JsonNode> connector = charges();

        List<Integer> delivered = new ArrayList<>();
        HttpStatusException failure = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> connector.records().forEach(r -> delivered.add(r.get("n").asInt())));
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.getMessage()).contains("connector 'charges'").contains("page 3")
                .contains("injected fault STATUS(500)");
        assertThat(delivered).isEqualTo(range(0, 6));
        assertThat(api.requests().get(2).query()).containsEntry("starting_after", "r5");

        Position resume = Position.parse(failure.resumePosition().orElseThrow().asString());
        assertThat(numbers(connector.records(resume))).isEqualTo(range(6, 10));
        assertThat(connector.lastReport()).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
    }

    @Test
    void anEngineDrivingTheStepPageByPageGetsEveryRecordOnce() {
        stripeLike(FaultPlan.none());
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
