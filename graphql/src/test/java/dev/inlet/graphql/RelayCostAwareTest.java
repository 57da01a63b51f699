package dev.inlet.graphql;

import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.relay.RelayConnector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.RunReport;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.graphql.Fixtures.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario: a Relay connection of 2,500 orders behind a Shopify-style cost bucket of
 * 1,000 points restoring 50 per second, 52 points per page of 50. Server and client share a fake
 * clock, so the 32 s the budget needs pass in no real time.
 */
class RelayCostAwareTest {

    private static final int ORDERS = 2500;
    private static final int PAGE = 50;

    /** 19 pages fit the full bucket (19 × 52 = 988); the 20th waits for 40 points, every later one for 52. */
    private static List<Duration> expectedWaits() {
        List<Duration> waits = new ArrayList<>();
        waits.add(Duration.ofMillis(800));
        waits.addAll(Collections.nCopies(30, Duration.ofMillis(1040)));
        return waits;
    }

    private static Connector<Order> connector(String url, FakeClock clock, RecordingListener recorder, CostThrottle throttle) {
        GraphQlClient.Builder client = GraphQlClient.builder(url).pipeline(Fixtures.pipeline(clock, recorder));
        if (throttle != null) {
            client.costThrottle(throttle);
        }
        return RelayConnector.builder("orders").client(client.build()).operation(Fixtures.orders(PAGE))
                .connection("orders").build(Order.class);
    }

    private static List<Integer> numbers(Connector<Order> connector) {
        try (Stream<Order> records = connector.records()) {
            return records.map(Order::number).toList();
        }
    }

    @Test
    void costAwareModeFetchesEveryOrderExactlyOnceAndIsNeverThrottled() {
        FakeClock clock = new FakeClock();
        RecordingListener recorder = new RecordingListener();
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(ORDERS).costBucket(1000, 50, clock)
                .start()) {
            CostThrottle throttle = CostThrottle.builder().name("test-shop").build();
            Connector<Order> orders = connector(server.url(), clock, recorder, throttle);

            List<Integer> numbers = numbers(orders);

            assertThat(numbers).isEqualTo(IntStream.range(0, ORDERS).boxed().toList());
            assertThat(server.throttled()).isZero();
            assertThat(server.requests()).isEqualTo(ORDERS / PAGE);
            assertThat(server.servedByCursor()).hasSize(ORDERS / PAGE).allSatisfy((cursor, times) ->
                    assertThat(times).as("page after %s", cursor).isEqualTo(1));
            assertThat(clock.sleeps()).isEqualTo(expectedWaits());
            assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(32));
            assertThat(recorder.rateLimited()).hasSize(31).allSatisfy(e -> {
                assertThat(e.key()).isEqualTo("test-shop");
                assertThat(e.connector()).isEqualTo("orders");
                assertThat(e.reason()).contains("needs 52 points").contains("restoring 50/s");
            });
            assertThat(recorder.retries()).isEmpty();
            RunReport report = orders.lastReport().orElseThrow();
            assertThat(report.pages()).isEqualTo(ORDERS / PAGE);
            assertThat(report.valid()).isEqualTo(ORDERS);
            assertThat(report.retries()).isZero();
            assertThat(report.waited()).isEqualTo(Duration.ofSeconds(32));
            assertThat(throttle.budget()).hasValueSatisfying(b -> assertThat(b.available()).isZero());
        }
    }

    @Test
    void withoutCostAwarenessThrottledPagesAreRetriedAfterTheComputedWaitNotABlindBackoff() {
        FakeClock clock = new FakeClock();
        RecordingListener recorder = new RecordingListener();
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(ORDERS).costBucket(1000, 50, clock)
                .start()) {
            Connector<Order> orders = connector(server.url(), clock, recorder, null);

            List<Integer> numbers = numbers(orders);

            assertThat(numbers).isEqualTo(IntStream.range(0, ORDERS).boxed().toList());
            assertThat(server.servedByCursor()).hasSize(ORDERS / PAGE).allSatisfy((cursor, times) ->
                    assertThat(times).isEqualTo(1));
            // Each THROTTLED answer is retried once, after exactly the wait its cost data computes.
            assertThat(server.throttled()).isEqualTo(31);
            assertThat(server.requests()).isEqualTo(ORDERS / PAGE + 31);
            assertThat(clock.sleeps()).isEqualTo(expectedWaits());
            assertThat(recorder.retries()).hasSize(31).allSatisfy(r -> assertThat(r.reason())
                    .contains("THROTTLED").contains("holds the query again in"));
            // No client-side pacing waits: every wait was a retry the server asked for, reported as such.
            assertThat(recorder.rateLimited()).hasSize(31).allSatisfy(r -> assertThat(r.reason()).startsWith("server:"));
            assertThat(orders.lastReport().orElseThrow().retries()).isEqualTo(31);
        }
    }

    @Test
    void oneThrottleSharedByTwoConnectorsKeepsBothWithinTheBudget() throws Exception {
        FakeClock clock = new FakeClock();
        RecordingListener recorder = new RecordingListener();
        try (GraphQlTestServer server = GraphQlTestServer.builder().orders(500).costBucket(1000, 50, clock).start()) {
            CostThrottle shared = CostThrottle.create();
            Connector<Order> first = connector(server.url(), clock, recorder, shared);
            Connector<Order> second = connector(server.url(), clock, recorder, shared);

            List<Integer> a = numbers(first);
            List<Integer> b = numbers(second);

            assertThat(a).hasSize(500);
            assertThat(b).hasSize(500);
            assertThat(server.throttled()).isZero();
            assertThat(server.requests()).isEqualTo(20);
            // 20 pages × 52 = 1,040 points: the last page waits for the 40 the bucket lacks.
            assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(800));
        }
    }
}
