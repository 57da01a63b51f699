package dev.inlet.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.core.PageSource;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.testing.ListPageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Child runs per parent record: carried fields, parent order, a concurrency limit, failure policies. */
class SubstreamsTest {

    private static ObjectNode order(int n) {
        ObjectNode order = Json.mapper().createObjectNode().put("id", "o" + n);
        order.putObject("customer").put("email", "c" + n + "@example.com");
        return order;
    }

    private static Connector<JsonNode> orders(int count) {
        return Connector.builder("orders", ordersSource(count)).build();
    }

    private static ListPageSource ordersSource(int count) {
        return new ListPageSource(List.of(IntStream.range(0, count).mapToObj(n -> (JsonNode) order(n)).toList()));
    }

    /** The line items of an order, two per order ({"sku":"o3-a"}, {"sku":"o3-b"}), opened through a hook. */
    private static Connector<JsonNode> items(JsonNode order, Runnable onOpen) {
        String id = order.get("id").asString();
        ListPageSource pages = new ListPageSource(List.of(List.of(
                Json.mapper().createObjectNode().put("sku", id + "-a"),
                Json.mapper().createObjectNode().put("sku", id + "-b"))));
        PageSource source = position -> {
            onOpen.run();
            return pages.open(position);
        };
        return Connector.builder("line-items", source).build();
    }

    private static List<String> skus(Stream<JsonNode> records) {
        try (records) {
            return records.map(r -> r.get("sku").asString()).toList();
        }
    }

    @Test
    void childRecordsCarryParentFieldsAndFollowParentOrderWhateverFinishesFirst() {
        CountDownLatch lastStarted = new CountDownLatch(1);
        Substreams<JsonNode> lineItems = Substreams.builder(orders(4), order -> items(order, () -> {
            // The first order's items wait until the last order's are being fetched: they finish last.
            if (order.get("id").asString().equals("o0")) {
                await(lastStarted);
            } else if (order.get("id").asString().equals("o3")) {
                lastStarted.countDown();
            }
        })).carry("/id").carry("/customer/email", "customer_email").carry("/missing").concurrency(4).build();

        List<JsonNode> records;
        try (Stream<JsonNode> stream = lineItems.records()) {
            records = stream.toList();
        }

        assertThat(records).extracting(r -> r.get("sku").asString())
                .containsExactly("o0-a", "o0-b", "o1-a", "o1-b", "o2-a", "o2-b", "o3-a", "o3-b");
        assertThat(records.get(2).get("parent_id").asString()).isEqualTo("o1");
        assertThat(records.get(2).get("customer_email").asString()).isEqualTo("c1@example.com");
        assertThat(records.get(2).get("parent_missing").isNull()).as("a missing parent field is carried as null")
                .isTrue();
    }

    @Test
    void noMoreChildrenThanTheLimitAreInFlightAndTheLimitIsReached() {
        int limit = 3;
        CyclicBarrier allInFlight = new CyclicBarrier(limit);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Function<JsonNode, Connector<JsonNode>> child = order -> items(order, () -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                allInFlight.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("fewer than " + limit + " children were in flight together", e);
            } finally {
                inFlight.decrementAndGet();
            }
        });

        SubstreamReport report = Substreams.builder(orders(6), child).concurrency(limit).build().run(r -> { });

        assertThat(maxInFlight.get()).isEqualTo(limit);
        assertThat(report).isEqualTo(new SubstreamReport(6, 6, 12, 0, List.of()));
    }

    @Test
    void aFailingChildStopsTheStreamNamingTheParentUnlessSkipped() {
        Function<JsonNode, Connector<JsonNode>> child = order -> items(order, () -> {
            if (order.get("id").asString().equals("o1")) {
                throw new TransportException("connection refused by the test", false, null);
            }
        });

        assertThatThrownBy(() -> skus(Substreams.builder(orders(3), child).build().records()))
                .isInstanceOf(CompositionException.class).hasMessageContaining("parent record 1 of 'orders'")
                .hasMessageContaining("connection refused").hasCauseInstanceOf(TransportException.class);

        List<String> delivered = new ArrayList<>();
        SubstreamReport report = Substreams.builder(orders(3), child).onChildFailure(OnChildFailure.SKIP).build()
                .run(r -> delivered.add(r.get("sku").asString()));
        assertThat(delivered).containsExactly("o0-a", "o0-b", "o2-a", "o2-b");
        assertThat(report.failedChildren()).isEqualTo(1);
        assertThat(report.children()).isEqualTo(2);
        assertThat(report.failures()).singleElement().asString().contains("parent record 1");
    }

    @Test
    void aChildRecordThatIsNotAnObjectCannotCarryFields() {
        Function<JsonNode, Connector<JsonNode>> child = order -> Connector.builder("numbers",
                new ListPageSource(List.of(List.of((JsonNode) Json.mapper().getNodeFactory().numberNode(7))))).build();

        assertThatThrownBy(() -> Substreams.builder(orders(1), child).carry("/id").build().run(r -> { }))
                .isInstanceOf(CompositionException.class).hasMessageContaining("NUMBER, not an object");
        assertThat(Substreams.builder(orders(1), child).build().run(r -> { }).records()).isEqualTo(1);
    }

    @Test
    void closingEarlyStopsReadingParentsAndReleasesThem() {
        ListPageSource parents = ordersSource(100);
        AtomicInteger opened = new AtomicInteger();
        Substreams<JsonNode> lineItems = Substreams.builder(Connector.builder("orders", parents).build(),
                order -> items(order, opened::incrementAndGet)).concurrency(2).build();

        try (Stream<JsonNode> stream = lineItems.records()) {
            assertThat(stream.limit(1).toList()).hasSize(1);
        }

        assertThat(opened.get()).isLessThanOrEqualTo(3);
        assertThat(parents.closed()).isEqualTo(parents.opened());
    }

    @Test
    void childrenRunOnTheHostExecutorWhichIsLeftRunning() {
        ExecutorService host = Executors.newFixedThreadPool(2);
        AtomicInteger executed = new AtomicInteger();
        try {
            List<String> skus = skus(Substreams.builder(orders(3), order -> items(order, () -> { }))
                    .executor(task -> {
                        executed.incrementAndGet();
                        host.execute(task);
                    }).build().records());

            assertThat(skus).hasSize(6);
            assertThat(executed.get()).isEqualTo(3);
            assertThat(host.isShutdown()).isFalse();
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void misconfigurationIsRefused() {
        Function<JsonNode, Connector<JsonNode>> child = order -> items(order, () -> { });
        assertThatThrownBy(() -> Substreams.builder(orders(1), child).carry("id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> Substreams.builder(orders(1), child).carry("/id").carry("/x", "parent_id").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same name");
        assertThatThrownBy(() -> Substreams.builder(orders(1), child).concurrency(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10,000");
        Substreams.Builder<JsonNode> builder = Substreams.builder(orders(1), child).prefix("order_").carry("/id");
        assertThat(builder.build().run(r -> assertThat(r.has("order_id")).isTrue()).records()).isEqualTo(2);
        assertThat(builder.build().run(r -> { }).records()).as("building twice is fine").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
