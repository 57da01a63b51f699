package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.Position;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.paginate.FirstCursor;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Plaid-style paging: the cursor goes into the JSON body of each POST, the body's secrets with it. */
class RequestBodyCursorTest {

    private static final Paginator PLAID = Paginators.requestBodyCursor("/cursor", "/next_cursor", "/has_more",
            FirstCursor.OMIT);

    private final SyncFake api = new SyncFake(10, 4);

    @AfterEach
    void stop() {
        api.close();
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", SyncFake.CLIENT_ID);
        body.put("secret", SyncFake.SECRET);
        body.put("access_token", "access-sandbox-1");
        body.put("count", 4);
        return body;
    }

    private Connector<JsonNode> sync(Paginator paginator, Object body) {
        return RestConnector.builder("transactions").baseUrl(api.baseUrl()).path("/transactions/sync").post(body)
                .records("/added").paginator(paginator)
                .pipeline(HttpPipeline.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    private static List<Integer> numbers(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("n").asInt()).toList();
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void everyRecordArrivesOnceOverThreePagesWithTheBodysOtherFieldsOnEveryRequest() {
        assertThat(numbers(sync(PLAID, body()).records())).isEqualTo(range(0, 10));

        List<JsonNode> bodies = api.bodies();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0).has("cursor")).as("the first request leaves the cursor out").isFalse();
        assertThat(bodies).extracting(b -> b.path("cursor").asString(null)).containsExactly(null, "c1", "c2");
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("secret").asString()).isEqualTo(SyncFake.SECRET);
            assertThat(b.path("client_id").asString()).isEqualTo(SyncFake.CLIENT_ID);
            assertThat(b.path("access_token").asString()).isEqualTo("access-sandbox-1");
            assertThat(b.path("count").asInt()).isEqualTo(4);
        });
    }

    @Test
    void aSavedPositionResumesWithExactlyTheRestAndHoldsOnlyTheCursor() {
        Connector<JsonNode> connector = sync(PLAID, body());
        for (int stopAfter : new int[] {1, 4, 5, 9}) {
            List<Integer> first = new ArrayList<>();
            String saved;
            try (ConnectorRun<JsonNode> run = connector.open()) {
                run.records().limit(stopAfter).forEach(r -> first.add(r.get("n").asInt()));
                saved = run.position().asString();
                assertThat(run.position().describe()).doesNotContain(SyncFake.SECRET, "access-sandbox");
            }
            assertThat(saved).doesNotContain(SyncFake.SECRET, SyncFake.CLIENT_ID, "access-sandbox", "client_id");
            assertThat(first).isEqualTo(range(0, stopAfter));
            assertThat(numbers(connector.records(Position.parse(saved)))).as("after " + stopAfter)
                    .isEqualTo(range(stopAfter, 10));
        }
        Position resumed = Position.start().next("c1", 4).next("c2", 4);
        assertThat(numbers(connector.records(resumed))).isEqualTo(range(8, 10));
        assertThat(api.bodies().get(api.bodies().size() - 1).path("cursor").asString()).isEqualTo("c2");
    }

    @Test
    void theFirstRequestCarriesANullOrEmptyCursorWhenTheApiWantsThat() {
        assertThat(numbers(sync(Paginators.requestBodyCursor("/cursor", "/next_cursor", "/has_more",
                FirstCursor.NULL), body()).records())).isEqualTo(range(0, 10));
        assertThat(api.bodies().get(0).get("cursor").isNull()).isTrue();

        Map<String, Object> withCursor = body();
        withCursor.put("cursor", "stale");
        assertThat(numbers(sync(Paginators.requestBodyCursor("/cursor", "/next_cursor", "/has_more",
                FirstCursor.EMPTY), withCursor).records())).isEqualTo(range(0, 10));
        assertThat(api.bodies().get(3).get("cursor").asString()).as("the template's value replaced").isEmpty();
        assertThat(api.bodies().get(4).get("cursor").asString()).isEqualTo("c1");
    }

    @Test
    void withoutAHasMoreFlagAnEmptyCursorEnds() {
        // The flag-less form is for APIs whose last page has an empty (or null) cursor.
        try (PagingFake nulling = new PagingFake(q -> PagingFake.Reply.json("{\"added\":[],\"next_cursor\":\"\"}"))) {
            Connector<JsonNode> connector = RestConnector.builder("t").baseUrl(nulling.baseUrl()).path("/s")
                    .post(body()).records("/added").paginator(Paginators.requestBodyCursor("/cursor", "/next_cursor"))
                    .build();
            assertThat(numbers(connector.records())).isEmpty();
            assertThat(nulling.requests()).hasSize(1);
        }
    }

    @Test
    void aBodyThatIsNotAnObjectOrAPointerThroughAValueIsATypedErrorWithoutTheSecret() {
        PaginationException array = assertThrows(PaginationException.class,
                () -> sync(PLAID, List.of(SyncFake.SECRET)).records().toList());
        assertThat(array.getMessage()).contains("is a JSON array, not an object", "/transactions/sync")
                .doesNotContain(SyncFake.SECRET);

        Map<String, Object> options = body();
        options.put("options", "flat-" + SyncFake.SECRET);
        PaginationException conflict = assertThrows(PaginationException.class,
                () -> sync(Paginators.requestBodyCursor("/options/cursor", "/next_cursor"), options).records()
                        .toList());
        assertThat(conflict.getMessage()).contains("a string at /options", "/options/cursor")
                .doesNotContain(SyncFake.SECRET);
        assertThat(api.bodies()).as("nothing was sent").isEmpty();

        assertThrows(IllegalArgumentException.class, () -> Paginators.requestBodyCursor("", "/next_cursor"));
        assertThrows(IllegalArgumentException.class, () -> Paginators.requestBodyCursor("cursor", "/next_cursor"));
    }

    @Test
    void missingObjectsOnTheWayToTheCursorAreCreated() {
        try (PagingFake fake = new PagingFake(q -> PagingFake.Reply.json("{\"added\":[],\"next_cursor\":null}"))) {
            Paginator nested = Paginators.requestBodyCursor("/options/cursor", "/next_cursor", null, FirstCursor.NULL);
            Connector<JsonNode> connector = RestConnector.builder("t").baseUrl(fake.baseUrl()).path("/s")
                    .post(body()).records("/added").paginator(nested).build();
            assertThat(numbers(connector.records())).isEmpty();
        }
        // What goes out is checked through apply directly: PagingFake records only URIs.
        var request = dev.inlet.core.http.Request.builder(api.baseUrl()).post("{\"a\":1}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "application/json").build();
        var applied = Paginators.requestBodyCursor("/options/cursor", "/next_cursor")
                .apply(request, Position.startingAt("c7"));
        assertThat(applied.bodyText()).contains("{\"a\":1,\"options\":{\"cursor\":\"c7\"}}");
        assertThat(applied.headers().first("Content-Type")).contains("application/json");
    }

    @Test
    void aTrueHasMoreFlagWithoutACursorIsAnError() {
        try (PagingFake broken = new PagingFake(q -> PagingFake.Reply.json(
                "{\"added\":[{\"n\":1}],\"next_cursor\":null,\"has_more\":true}"))) {
            Connector<JsonNode> connector = RestConnector.builder("t").baseUrl(broken.baseUrl()).path("/s")
                    .post(body()).records("/added").paginator(PLAID).build();
            PaginationException e = assertThrows(PaginationException.class, () -> connector.records().toList());
            assertThat(e.getMessage()).contains("/has_more is true but has no cursor at /next_cursor");
        }
    }

    @Test
    void thePaginatorShowsItsPointersAndNoBody() {
        assertThat(PLAID.toString()).isEqualTo("requestBodyCursor(/next_cursor -> body /cursor, while /has_more, "
                + "first omit)");
        assertThat(sync(PLAID, body()).toString()).doesNotContain(SyncFake.SECRET);
    }
}
