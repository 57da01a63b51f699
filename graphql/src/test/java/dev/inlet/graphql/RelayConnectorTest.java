package dev.inlet.graphql;

import dev.inlet.graphql.relay.RelayConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.error.InletException;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.Page;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Order;
import dev.inlet.graphql.Fixtures.Stub;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.inlet.graphql.error.GraphQlErrorsException;
import dev.inlet.graphql.error.GraphQlException;

/** Relay connections as connectors: resume, checks before sending, loops, partial pages. */
@org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class RelayConnectorTest {

    private static final String WITH_RISK_SCORE = Fixtures.ORDERS.replace("totalPrice", "totalPrice riskScore");

    private final FakeClock clock = new FakeClock();
    private final GraphQlTestServer server = GraphQlTestServer.builder().orders(120).failingScore(103).start();

    @AfterEach
    void stop() {
        server.close();
    }

    private GraphQlClient client(ErrorPolicy policy) {
        return GraphQlClient.builder(server.url()).errorPolicy(policy)
                .pipeline(Fixtures.pipeline(clock, new RecordingListener())).build();
    }

    private RelayConnector.Builder orders(int first) {
        return RelayConnector.builder("orders").client(client(ErrorPolicy.FAIL_ON_ERRORS))
                .operation(Fixtures.orders(first)).connection("orders");
    }

    @Test
    void aStoppedRunResumesWithExactlyTheRecordsNotDelivered() {
        Connector<Order> connector = orders(50).build(Order.class);
        List<Integer> firstRun = new ArrayList<>();
        Position saved;
        try (ConnectorRun<Order> run = connector.open(); Stream<Order> records = run.records()) {
            Iterator<Order> it = records.iterator();
            for (int i = 0; i < 70; i++) {
                firstRun.add(it.next().number());
            }
            saved = Position.parse(run.position().asString());
        }

        assertThat(saved.token()).hasValue(OrdersSchema.cursor(49));
        assertThat(saved.skip()).isEqualTo(20);
        List<Integer> resumed;
        try (Stream<Order> records = connector.records(saved)) {
            resumed = records.limit(30).map(Order::number).toList();
        }
        assertThat(firstRun).isEqualTo(IntStream.range(0, 70).boxed().toList());
        assertThat(resumed).isEqualTo(IntStream.range(70, 100).boxed().toList());
    }

    @Test
    void overTheJdkTransportARelayConnectorIsReadWithoutAThreadWaitingAndDeliversTheSameRecords() throws Exception {
        GraphQlClient async = GraphQlClient.builder(server.url()).errorPolicy(ErrorPolicy.FAIL_ON_ERRORS)
                .pipeline(Fixtures.pipeline(clock, new RecordingListener()).toBuilder()
                        .transport(dev.inlet.core.http.Transport.jdk()).build()).build();
        Connector<JsonNode> connector = RelayConnector.builder("orders").client(async).operation(Fixtures.orders(50))
                .connection("orders").build();
        assertThat(async.opensAsynchronously()).isTrue();
        assertThat(connector.source().opensAsynchronously()).isTrue();
        assertThat(client(ErrorPolicy.FAIL_ON_ERRORS).opensAsynchronously()).as("the socket transport").isFalse();

        List<Integer> numbers = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.inlet.core.RunReport report = connector.readAsync(order -> numbers.add(order.get("number").asInt()))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(numbers).isEqualTo(IntStream.range(0, 120).boxed().toList());
        assertThat(report.pages()).isEqualTo(3);
        assertThat(report.completed()).isTrue();
    }

    @Test
    void pagesCarryTheEndCursorAsTheirNextPosition() {
        Connector<JsonNode> connector = orders(50).build();
        Page<JsonNode> first = connector.fetch(Position.start());
        Page<JsonNode> second = connector.fetch(first.next().orElseThrow());

        assertThat(first.records()).hasSize(50);
        assertThat(first.next()).hasValueSatisfying(p -> {
            assertThat(p.token()).hasValue(OrdersSchema.cursor(49));
            assertThat(p.recordsBefore()).isEqualTo(50);
        });
        assertThat(second.records().get(0).get("number").asInt()).isEqualTo(50);
        assertThat(connector.source().fetch(Position.startingAt(OrdersSchema.cursor(109))).records())
                .hasSize(10).last().satisfies(n -> assertThat(n.get("number").asInt()).isEqualTo(119));
    }

    @Test
    void whatPagingNeedsIsCheckedBeforeAnyRequest() {
        GraphQlClient client = client(ErrorPolicy.FAIL_ON_ERRORS);
        GraphQlOperation noPageInfo = GraphQlOperation.builder(
                "query($after: String) { orders(first: 5, after: $after) { nodes { id } } }").build();
        GraphQlOperation noCursor = GraphQlOperation.builder(
                "query { orders(first: 5) { nodes { id } pageInfo { hasNextPage endCursor } } }").build();
        GraphQlOperation mutation = GraphQlOperation.builder(
                "mutation($after: String) { tagOrder(number: 1, tag: $after) { id } }").build();

        assertThatThrownBy(() -> RelayConnector.builder("o").client(client).operation(noPageInfo).connection("orders")
                .build()).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("does not select pageInfo { hasNextPage endCursor } in orders");
        assertThatThrownBy(() -> RelayConnector.builder("o").client(client).operation(noCursor).connection("orders")
                .build()).isInstanceOf(GraphQlException.class).hasMessageContaining("cursor variable $after");
        assertThatThrownBy(() -> RelayConnector.builder("o").client(client).operation(mutation).connection("orders")
                .build()).isInstanceOf(GraphQlException.class).hasMessageContaining("is a mutation");
        assertThatThrownBy(() -> RelayConnector.builder("o").client(client).operation(Fixtures.orders(5))
                .connection("shop.orders").build()).isInstanceOf(GraphQlException.class)
                .hasMessageContaining("does not select 'shop' at the top of data; it selects orders");
        assertThatThrownBy(() -> RelayConnector.builder("o").client(client).connection("orders").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs an operation");
        assertThatThrownBy(() -> RelayConnector.builder("o").connection("orders.edges[*]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isZero();
    }

    @Test
    void nodesAliasesFragmentsAndAnotherCursorNameAreFollowed() {
        GraphQlOperation op = GraphQlOperation.builder("""
                query Page($size: Int!, $cursor: String) {
                  all: orders(first: $size, after: $cursor) {
                    ...Records
                    info: pageInfo { more: hasNextPage end: endCursor }
                  }
                }
                fragment Records on OrderConnection { items: nodes { number } }""").variable("size", 40).build();
        Connector<JsonNode> connector = RelayConnector.builder("aliased").client(client(ErrorPolicy.FAIL_ON_ERRORS))
                .operation(op).connection("all").cursorVariable("$cursor").build();

        try (Stream<JsonNode> records = connector.records()) {
            assertThat(records.map(n -> n.get("number").asInt()).toList())
                    .isEqualTo(IntStream.range(0, 120).boxed().toList());
        }
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void anErrorOnALaterPageStopsTheRunWhereItCanResume() {
        Connector<Order> connector = orders(50).operation(GraphQlOperation.builder(WITH_RISK_SCORE)
                .variable("first", 50).build()).build(Order.class);
        List<Integer> delivered = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (Stream<Order> records = connector.records()) {
                records.forEach(o -> delivered.add(o.number()));
            }
        }).isInstanceOfSatisfying(GraphQlErrorsException.class, e -> {
            assertThat(e.getMessage()).contains("(at orders.edges[3].node.riskScore)").contains("connector 'orders'");
            assertThat(e.resumePosition()).hasValueSatisfying(p ->
                    assertThat(p.token()).hasValue(OrdersSchema.cursor(99)));
        });
        assertThat(delivered).hasSize(100);
    }

    @Test
    void acceptedPartialPagesHandNullNodesToTheInvalidRecordPolicy() {
        Connector<Order> connector = RelayConnector.builder("orders").client(client(ErrorPolicy.ACCEPT_PARTIAL_DATA))
                .operation(GraphQlOperation.builder(WITH_RISK_SCORE).variable("first", 50).build())
                .connection("orders").onInvalid(InvalidRecordPolicy.SKIP)
                .build(Order.class);

        try (Stream<Order> records = connector.records()) {
            assertThat(records.map(Order::number)).hasSize(119).doesNotContain(103);
        }
        assertThat(connector.lastReport().orElseThrow().rejected()).isEqualTo(1);
    }

    @Test
    void aCursorThatRepeatsIsALoopNotAnEndlessRun() {
        String page = "{\"data\":{\"orders\":{\"edges\":[{\"node\":{\"number\":1}}],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"%s\"}}}}";
        Connector<JsonNode> sameCursor = RelayConnector.builder("stuck").operation(Fixtures.orders(1))
                .connection("orders").client(GraphQlClient.builder("https://api.example.test/graphql")
                        .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> Stub.json(
                                page.formatted("A")))).build()).build();
        Connector<JsonNode> cycle = RelayConnector.builder("cycle").operation(Fixtures.orders(1))
                .connection("orders").client(GraphQlClient.builder("https://api.example.test/graphql")
                        .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> Stub.json(
                                // Distinct records per page, so only the cycle of cursors is wrong.
                                (body.contains("\"after\":\"A\"") ? page.formatted("B").replace(":1}", ":2}")
                                        : page.formatted("A"))))).build()).build();

        assertThatThrownBy(() -> sameCursor.records().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("the endCursor is the cursor of this page");
        assertThatThrownBy(() -> cycle.records().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("repeats a page already requested");
    }

    @Test
    void hasNextPageWithoutACursorIsReportedNotGuessed() {
        Connector<JsonNode> connector = RelayConnector.builder("nocursor").operation(Fixtures.orders(1))
                .connection("orders").client(GraphQlClient.builder("https://api.example.test/graphql")
                        .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> Stub.json(
                                "{\"data\":{\"orders\":{\"edges\":[],\"pageInfo\":{\"hasNextPage\":true,"
                                        + "\"endCursor\":null}}}}"))).build()).build();

        assertThatThrownBy(() -> connector.records().count()).isInstanceOf(InletException.class)
                .hasMessageContaining("hasNextPage but endCursor is null");
    }

    @Test
    void emptyPagesWithFreshCursorsForeverFailAfterTen() {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        Connector<JsonNode> connector = RelayConnector.builder("endless").operation(Fixtures.orders(1))
                .connection("orders").client(GraphQlClient.builder("https://api.example.test/graphql")
                        .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> Stub.json(
                                "{\"data\":{\"orders\":{\"edges\":[],\"pageInfo\":{\"hasNextPage\":true,"
                                        + "\"endCursor\":\"c" + requests.incrementAndGet() + "\"}}}}"))).build())
                .build();

        assertThatThrownBy(() -> connector.records().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("Empty-pages guard").hasMessageContaining("maxEmptyPagesInARow");
        assertThat(requests).hasValue(10);
    }

    @Test
    void aPageServedAgainUnderANewCursorIsCaught() {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        Connector<JsonNode> connector = RelayConnector.builder("same").operation(Fixtures.orders(2))
                .connection("orders").client(GraphQlClient.builder("https://api.example.test/graphql")
                        .pipeline(Fixtures.stubbed(clock, new RecordingListener(), body -> Stub.json(
                                "{\"data\":{\"orders\":{\"edges\":[{\"node\":{\"number\":1}},{\"node\":"
                                        + "{\"number\":2}}],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"c"
                                        + requests.incrementAndGet() + "\"}}}}"))).build())
                .build();

        assertThatThrownBy(() -> connector.pages().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("Repeated-page guard").hasMessageContaining("allowRepeatedPages(true)");
        assertThat(requests).hasValue(2);
    }

    @Test
    void aSkipBeyondWhatThePageHoldsGoesOnWithTheNextPageAndWarns() {
        RecordingListener listener = new RecordingListener();
        Connector<Order> connector = orders(50).listener(listener).build(Order.class);
        // Page 2 holds 50 orders; the saved position claims 70 of them were delivered.
        Position saved = Position.parse("{\"v\":1,\"token\":\"" + OrdersSchema.cursor(49)
                + "\",\"page\":1,\"before\":50,\"skip\":70}");

        List<Integer> resumed;
        try (Stream<Order> records = connector.records(saved)) {
            resumed = records.map(Order::number).toList();
        }

        assertThat(resumed).isEqualTo(IntStream.range(100, 120).boxed().toList());
        assertThat(listener.of(dev.inlet.core.RunWarning.class)).singleElement().satisfies(w -> assertThat(w.message())
                .contains("now holds 50 nodes").contains("had delivered 70"));
        assertThat(connector.lastReport().orElseThrow().warningCount()).isEqualTo(1);
    }
}
