package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.Connector;
import dev.inlet.core.Page;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.rest.paginate.FirstCursor;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sync APIs (Plaid's {@code /transactions/sync}): the last page's cursor is where the next run starts, so a
 * checkpointed run after the first delivers only what was added since.
 */
class ContinuationTest {

    private static final Paginator PAGING = Paginators.requestBodyCursor("/cursor", "/next_cursor", "/has_more",
            FirstCursor.OMIT);
    private static final Paginator SYNC = Paginators.continuing(PAGING, "/next_cursor");

    private final SyncFake api = new SyncFake(10, 4);
    private final InMemoryStateStore store = new InMemoryStateStore();

    @AfterEach
    void stop() {
        api.close();
    }

    private RestConnector.Builder builder(Paginator paginator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", SyncFake.CLIENT_ID);
        body.put("secret", SyncFake.SECRET);
        body.put("count", 4);
        return RestConnector.builder("transactions").baseUrl(api.baseUrl()).path("/transactions/sync").post(body)
                .records("/added").paginator(paginator)
                .pipeline(HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build());
    }

    private List<Integer> sync(Connector<JsonNode> connector) {
        List<Integer> delivered = new ArrayList<>();
        Checkpointing.builder(connector, store).build().run(r -> delivered.add(r.get("n").asInt()));
        return delivered;
    }

    private ConnectorState state() {
        return store.load("transactions").orElseThrow();
    }

    private String lastCursorSent() {
        List<JsonNode> bodies = api.bodies();
        return bodies.get(bodies.size() - 1).path("cursor").asString(null);
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void theNextRunStartsAtTheLastPagesCursorAndDeliversOnlyWhatWasAdded() {
        Connector<JsonNode> connector = builder(SYNC).build();
        assertThat(sync(connector)).isEqualTo(range(0, 10));
        assertThat(state().continuation()).contains("o10");
        assertThat(state().position()).isEmpty();
        assertThat(state().toJson()).contains("\"continuation\":\"o10\"").doesNotContain(SyncFake.SECRET,
                SyncFake.CLIENT_ID);
        assertThat(ConnectorState.fromJson(state().toJson())).isEqualTo(state());

        api.add(5);
        int before = api.bodies().size();
        assertThat(sync(connector)).isEqualTo(range(10, 15));
        assertThat(api.bodies().get(before).path("cursor").asString()).as("the first request continues").isEqualTo("o10");
        assertThat(state().continuation()).contains("o15");

        assertThat(sync(connector)).as("nothing changed: nothing delivered").isEmpty();
        assertThat(lastCursorSent()).isEqualTo("o15");
        assertThat(state().continuation()).contains("o15");
    }

    @Test
    void withoutContinuingEveryRunStartsAtTheBeginning() {
        Connector<JsonNode> connector = builder(PAGING).build();
        assertThat(sync(connector)).isEqualTo(range(0, 10));
        assertThat(state().continuation()).isEmpty();
        api.add(2);
        assertThat(sync(connector)).isEqualTo(range(0, 12));
    }

    @Test
    void onlyTheLastPageOfAPlainRunCarriesTheContinuation() {
        try (Stream<Page<JsonNode>> pages = builder(SYNC).build().pages()) {
            List<Optional<String>> continuations = pages.map(Page::continuation).toList();
            assertThat(continuations).containsExactly(Optional.empty(), Optional.empty(), Optional.of("o10"));
        }
        assertThat(SYNC.toString()).endsWith(", the next run continuing from /next_cursor");
    }

    @Test
    void aFailedRunKeepsThePreviousContinuationAndTheResumeFinishesTheSync() {
        Connector<JsonNode> connector = builder(SYNC).build();
        sync(connector);
        api.add(7);
        List<Integer> delivered = new ArrayList<>();
        Checkpointing<JsonNode> checkpointing = Checkpointing.builder(connector, store).build();
        assertThrows(IllegalStateException.class, () -> checkpointing.run(r -> {
            if (r.get("n").asInt() == 15) {
                throw new IllegalStateException("the consumer fails");
            }
            delivered.add(r.get("n").asInt());
        }));
        assertThat(delivered).isEqualTo(range(10, 15));
        assertThat(state().position()).as("the unfinished run").isPresent();
        assertThat(state().continuation()).as("still the last completed run's").contains("o10");

        checkpointing.run(r -> delivered.add(r.get("n").asInt()));
        assertThat(delivered).isEqualTo(range(10, 17));
        assertThat(state().continuation()).contains("o17");
    }

    @Test
    void aRecordLimitThatCutsTheRunShortSavesNoContinuation() {
        // The cut run did not reach the end of the log: continuing after it would skip records.
        Connector<JsonNode> limited = builder(SYNC).maxRecords(6).build();
        assertThat(sync(limited)).isEqualTo(range(0, 6));
        assertThat(state().continuation()).isEmpty();
        assertThat(sync(limited)).isEqualTo(range(0, 6));
    }

    @Test
    void aMissingContinuationFieldIsAnErrorUnlessAbsenceIsDeclaredAnEnd() {
        try (PagingFake fake = new PagingFake(q -> PagingFake.Reply.json("{\"added\":[{\"n\":1}],\"has_more\":false}"))) {
            Paginator paginator = Paginators.continuing(PAGING, "/cursor_for_next_sync");
            Connector<JsonNode> strict = RestConnector.builder("t").baseUrl(fake.baseUrl()).path("/s")
                    .post(Map.of("a", 1)).records("/added").paginator(paginator).build();
            PaginationException e = assertThrows(PaginationException.class, () -> strict.records().toList());
            assertThat(e.getMessage()).contains("/cursor_for_next_sync", "the continuation of");

            Connector<JsonNode> lenient = RestConnector.builder("t").baseUrl(fake.baseUrl()).path("/s")
                    .post(Map.of("a", 1)).records("/added").paginator(paginator).absentMeansEnd().build();
            try (Stream<Page<JsonNode>> pages = lenient.pages()) {
                assertThat(pages.toList()).singleElement().satisfies(p -> assertThat(p.continuation()).isEmpty());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Paginators.continuing(PAGING, ""));
        assertThrows(IllegalArgumentException.class, () -> Paginators.continuing(PAGING, "next_cursor"));
    }

    @Test
    void aContinuationUrlOnAnotherOriginIsRefusedLikeANextLink() {
        // Microsoft Graph delta style: next links while paging, a delta link at the end.
        try (PagingFake fake = new PagingFake(q -> PagingFake.Reply.json(
                "{\"value\":[{\"n\":1}],\"@odata.deltaLink\":\"https://elsewhere.example/delta?token=x\"}"))) {
            Paginator delta = Paginators.continuing(Paginators.nextUrl("/@odata.nextLink"), "/@odata.deltaLink");
            Connector<JsonNode> connector = RestConnector.builder("t").baseUrl(fake.baseUrl()).path("/users/delta")
                    .records("/value").paginator(delta).absentMeansEnd().build();
            PaginationException e = assertThrows(PaginationException.class, () -> connector.records().toList());
            assertThat(e.getMessage()).contains("The continuation of", "another origin", "elsewhere.example");
        }
    }
}
