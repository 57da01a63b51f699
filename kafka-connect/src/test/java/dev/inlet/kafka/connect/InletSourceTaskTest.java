package dev.inlet.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Position;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.error.TransportException;
import dev.inlet.kafka.connect.internal.SourceOffsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InletSourceTaskTest {

    private final InletSourceTask task = new InletSourceTask();

    @AfterEach
    void stop() {
        task.stop();
        PagesFactory.FAILURES.clear();
    }

    static Map<String, String> config(String... tenantsAndPages) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "shop-sync");
        props.put("inlet.factory.class", PagesFactory.class.getName());
        props.put("inlet.topic", "{tenant}.{stream}");
        props.put("inlet.poll.wait.ms", "50");
        StringBuilder tenants = new StringBuilder();
        for (int i = 0; i < tenantsAndPages.length; i += 2) {
            tenants.append(i == 0 ? "" : ",").append(tenantsAndPages[i]);
            props.put("inlet.tenant." + tenantsAndPages[i] + ".input.pages", tenantsAndPages[i + 1]);
        }
        props.put("inlet.tenants", tenants.toString());
        return props;
    }

    private FakeTaskContext start(Map<String, String> props, boolean transactional, Map<String, Map<String, Object>> stored) {
        InletSourceConnector connector = new InletSourceConnector();
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(1);
        assertThat(tasks).hasSize(1);
        FakeTaskContext context = new FakeTaskContext(transactional);
        stored.forEach((tenant, offset) -> context.offsets.put(
                SourceOffsets.partition("shop-sync", "items", tenant), offset));
        task.initialize(context);
        task.start(tasks.get(0));
        return context;
    }

    @Test
    void onePagePerPollEveryRecordCarriesThePageStartButTheLastCarriesTheNextPage() throws Exception {
        start(config("a", "2,3"), false, Map.of());

        List<SourceRecord> first = task.poll();
        assertThat(first).extracting(r -> r.key()).containsExactly("a-items-0-0", "a-items-0-1");
        assertThat(first).extracting(SourceRecord::topic).containsOnly("a.items");
        assertThat(first.get(0).sourcePartition()).isEqualTo(Map.of("connector", "shop-sync", "stream", "items",
                "tenant", "a"));
        assertThat(SourceOffsets.read(first.get(0).sourceOffset()).position()).isEqualTo(Position.start());
        Position second = SourceOffsets.read(first.get(1).sourceOffset()).position();
        assertThat(second.token()).contains("p1");
        assertThat((String) first.get(0).value()).isEqualTo("{\"id\":\"a-items-0-0\",\"n\":0}");

        List<SourceRecord> last = task.poll();
        assertThat(last).hasSize(3);
        assertThat(SourceOffsets.read(last.get(0).sourceOffset())).isEqualTo(new SourceOffsets.Resume(second, false));
        assertThat(SourceOffsets.read(last.get(2).sourceOffset())).isEqualTo(new SourceOffsets.Resume(second, true));

        assertThat(task.poll()).as("a done stream is not read again").isNull();
    }

    @Test
    void aSyncApisLastPageMakesTheRescanStartWhereItSaid() throws Exception {
        Map<String, String> props = config("a", "2,3");
        props.put("inlet.tenant.a.input.continue", "p1");
        props.put("inlet.rescan.interval.ms", "0");
        start(props, false, Map.of());
        assertThat(task.poll()).hasSize(2);
        List<SourceRecord> last = task.poll();
        assertThat(SourceOffsets.read(last.get(2).sourceOffset()))
                .isEqualTo(new SourceOffsets.Resume(Position.startingAt("p1"), true, true));
        assertThat(task.poll()).as("the rescan reads from p1, not the first page").extracting(r -> r.key())
                .containsExactly("a-items-1-0", "a-items-1-1", "a-items-1-2");

        InletSourceTask restarted = new InletSourceTask();
        try {
            FakeTaskContext context = new FakeTaskContext(false);
            Map<String, Object> stored = new HashMap<>(last.get(2).sourceOffset());
            context.offsets.put(SourceOffsets.partition("shop-sync", "items", "a"), stored);
            InletSourceConnector connector = new InletSourceConnector();
            connector.start(props);
            restarted.initialize(context);
            restarted.start(connector.taskConfigs(1).get(0));
            assertThat(restarted.poll()).as("a restarted task continues too").extracting(r -> r.key())
                    .containsExactly("a-items-1-0", "a-items-1-1", "a-items-1-2");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aPageWithoutRecordsMovesTheOffsetThroughAHeartbeat() throws Exception {
        start(config("a", "0,1"), false, Map.of());

        List<SourceRecord> heartbeat = task.poll();

        assertThat(heartbeat).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("inlet-heartbeats");
            assertThat(SourceOffsets.read(r.sourceOffset()).position().token()).contains("p1");
        });
        assertThat(task.poll()).extracting(r -> r.key()).containsExactly("a-items-1-0");
    }

    @Test
    void streamsTakeTurnsOnePageEach() throws Exception {
        start(config("a", "1,1", "b", "1,1"), false, Map.of());

        List<Object> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(task.poll().get(0).key());
        }

        assertThat(keys).containsExactly("a-items-0-0", "b-items-0-0", "a-items-1-0", "b-items-1-0");
    }

    @Test
    void resumesAtTheStoredOffsetAndSkipsDoneStreams() throws Exception {
        Position page2 = Position.start().next("p2", 2).next("p2", 0);
        start(config("a", "1,1,1", "b", "1"), false, Map.of("a", SourceOffsets.at(Position.startingAt("p2")),
                "b", SourceOffsets.done(Position.start())));

        assertThat(task.poll()).extracting(r -> r.key()).containsExactly("a-items-2-0");
        assertThat(task.poll()).isNull();
        assertThat(page2.token()).contains("p2");
    }

    @Test
    void aStoredOffsetThatIsNotInletsFailsTheStartWithWhatToDo() {
        assertThatThrownBy(() -> start(config("a", "1"), false, Map.of("a", Map.of("position", "{\"v\":1}"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("stream 'items' of tenant 'a'")
                .hasMessageContaining("Alter or reset the connector's offsets");
    }

    @Test
    void whenNothingIsReadyPollReturnsNullWithinItsWaitAndStopEndsTheWaitAtOnce() throws Exception {
        Map<String, String> props = config("a", "1");
        start(props, false, Map.of("a", SourceOffsets.done(Position.start())));
        long started = System.nanoTime();
        assertThat(task.poll()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        InletSourceTask waiting = new InletSourceTask();
        props.put("inlet.poll.wait.ms", "60000");
        InletSourceConnector connector = new InletSourceConnector();
        connector.start(props);
        FakeTaskContext context = new FakeTaskContext(false);
        context.offsets.put(SourceOffsets.partition("shop-sync", "items", "a"), SourceOffsets.done(Position.start()));
        waiting.initialize(context);
        waiting.start(connector.taskConfigs(1).get(0));
        CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.stop();
        assertThat(poll.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aTransientFailureMakesOnlyThatStreamWaitAndIsRetriable() throws Exception {
        Map<String, String> props = config("a", "1", "b", "1");
        props.put("inlet.retry.backoff.ms", "60000");
        start(props, false, Map.of());
        PagesFactory.FAILURES.put("a", () -> new TransportException("GET http://shop.test/items", false, null));

        assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class)
                .hasMessageContaining("stream 'items' of tenant 'a'");
        assertThat(task.poll()).extracting(r -> r.key()).containsExactly("b-items-0-0");
        assertThat(task.poll()).as("a waits for its backoff").isNull();
    }

    @Test
    void aPermanentFailureFailsTheTaskWithInletsMessageAndNoSecret() throws Exception {
        Map<String, String> props = config("a", "1");
        props.put("inlet.tenant.a.secret.token", "s3cr3t-token");
        start(props, false, Map.of());
        PagesFactory.FAILURES.put("a", () -> new PaginationException("The next page repeats a page", "check paging"));

        assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("The next page repeats a page")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cr3t-token"));
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithWhy() throws Exception {
        Map<String, String> props = config("a", "3");
        props.put("inlet.tenant.a.input.invalid", "a-items-0-1");
        props.put("inlet.dead.letter.topic", "inlet-dlq");
        start(props, false, Map.of());

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::topic).containsExactly("a.items", "a.items", "inlet-dlq");
        SourceRecord dead = records.get(2);
        assertThat((String) dead.value()).contains("a-items-0-1");
        assertThat(dead.headers().lastWithName("inlet.error").value().toString()).contains("id is on the invalid list");
        assertThat(SourceOffsets.read(dead.sourceOffset()).done()).isTrue();
    }

    @Test
    void withoutADeadLetterTopicAnInvalidRecordFailsTheTaskAndThePageIsReadAgainAfterARestart() throws Exception {
        Map<String, String> props = config("a", "3");
        props.put("inlet.tenant.a.input.invalid", "a-items-0-1");
        start(props, false, Map.of());

        assertThatThrownBy(task::poll).isInstanceOf(ConnectException.class)
                .hasMessageContaining("id is on the invalid list")
                .hasMessageContaining("inlet.dead.letter.topic");
    }

    @Test
    void underExactlyOnceEachPageIsOneTransactionEndingWithItsLastRecord() throws Exception {
        FakeTaskContext context = start(config("a", "2,0,1"), true, Map.of());

        List<SourceRecord> first = task.poll();
        List<SourceRecord> empty = task.poll();
        List<SourceRecord> last = task.poll();

        assertThat(context.committedOn).containsExactly(first.get(1), empty.get(0), last.get(0));
    }
}
