package dev.inlet.core.state;

import static dev.inlet.core.state.Pages.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.error.InletException;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.Json;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.ListPageSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Checkpointed runs resume where they stopped: exactly after errors, at most one page after a crash. */
class CheckpointingTest {

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<Integer> delivered = new ArrayList<>();

    private Consumer<JsonNode> collect() {
        return r -> delivered.add(r.get("n").asInt());
    }

    /** Delivers to the list and crashes (an Error, like kill -9) after {@code crashAfter} records in all. */
    private Consumer<JsonNode> crashingAfter(int crashAfter) {
        return r -> {
            if (delivered.size() == crashAfter) {
                throw new Pages.Crash();
            }
            delivered.add(r.get("n").asInt());
        };
    }

    @Test
    void aCompletedRunDeliversEverythingAndTheNextStartsFromTheBeginning() {
        FakeClock clock = new FakeClock();
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(3, 4)).build(), store)
                .clock(clock).build();

        SyncReport first = sync.run(collect());

        assertThat(delivered).isEqualTo(range(0, 12));
        assertThat(first.delivered()).isEqualTo(12);
        assertThat(first.resumedFrom()).isEmpty();
        assertThat(first.run().completed()).isTrue();
        assertThat(first.state().position()).isEmpty();
        assertThat(first.state().lastCompletedAt()).contains(clock.instant());
        assertThat(store.load("items")).contains(first.state());
        assertThat(sync.state()).contains(first.state());

        delivered.clear();
        sync.run(collect());
        assertThat(delivered).isEqualTo(range(0, 12));
    }

    @ParameterizedTest(name = "crash after {0} records")
    @ValueSource(ints = {0, 1, 3, 4, 5, 9, 11})
    void aCrashRepeatsAtMostThePageBeingDeliveredAndLosesNothing(int crashAt) {
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(3, 4)).build(), store)
                .build();

        assertThatThrownBy(() -> sync.run(crashingAfter(crashAt))).isInstanceOf(Pages.Crash.class);
        ConnectorState afterCrash = store.load("items").orElseThrow();
        List<Integer> beforeCrash = List.copyOf(delivered);
        SyncReport resumed = sync.run(collect());

        int pageStart = crashAt / 4 * 4;
        assertThat(afterCrash.inDoubt()).isTrue();
        assertThat(afterCrash.position().orElseThrow().pageIndex()).isEqualTo(crashAt / 4);
        assertThat(resumed.resumedFrom()).contains(afterCrash.position().orElseThrow());
        assertThat(beforeCrash).isEqualTo(range(0, crashAt));
        assertThat(delivered.subList(crashAt, delivered.size())).isEqualTo(range(pageStart, 12));
        assertThat(delivered.size() - 12).as("duplicates").isEqualTo(crashAt - pageStart).isLessThan(4);
    }

    @Test
    void withAnAlreadyDeliveredCheckACrashRepeatsNothingAndOnlyTheInDoubtPageIsAsked() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(3, 4)).build(), store)
                .primaryKey("/id").alreadyDelivered(key -> {
                    asked.add(key);
                    return delivered.contains(Integer.parseInt(key.substring(1)));
                }).build();

        assertThatThrownBy(() -> sync.run(crashingAfter(6))).isInstanceOf(Pages.Crash.class);
        SyncReport resumed = sync.run(collect());

        assertThat(delivered).isEqualTo(range(0, 12));
        assertThat(asked).containsExactly("r4", "r5", "r6", "r7");
        assertThat(resumed.alreadyDelivered()).isEqualTo(2);
        assertThat(resumed.delivered()).isEqualTo(6);
    }

    @Test
    void aFailingApiStopsTheRunAndTheNextRunContinuesExactly() {
        ListPageSource pages = Pages.of(4, 3);
        boolean[] down = {true};
        PageSource flaky = position -> {
            if (down[0] && position.token().filter("p2"::equals).isPresent()) {
                throw new TransportException("connection reset by the test", false, null);
            }
            return pages.open(position);
        };
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("flaky", flaky).build(), store).build();

        InletException failure = org.junit.jupiter.api.Assertions.assertThrows(TransportException.class,
                () -> sync.run(collect()));
        ConnectorState stopped = store.load("flaky").orElseThrow();
        down[0] = false;
        sync.run(collect());

        assertThat(failure.resumePosition()).contains(stopped.position().orElseThrow());
        assertThat(stopped.position().orElseThrow().token()).contains("p2");
        assertThat(stopped.inDoubt()).isFalse();
        assertThat(delivered).isEqualTo(range(0, 12));
    }

    @Test
    void aFailingConsumerLeavesTheStateExactlyAtTheRecordItRefused() {
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(3, 4)).build(), store)
                .build();

        assertThatThrownBy(() -> sync.run(r -> {
            if (r.get("n").asInt() == 6) {
                throw new IllegalStateException("warehouse is read-only");
            }
            delivered.add(r.get("n").asInt());
        })).hasMessage("warehouse is read-only");
        ConnectorState stopped = store.load("items").orElseThrow();
        sync.run(collect());

        assertThat(stopped.position().orElseThrow().skip()).isEqualTo(2);
        assertThat(stopped.inDoubt()).isFalse();
        assertThat(delivered).isEqualTo(range(0, 12));
    }

    @Test
    void theExactPositionCountsRejectedRecordsOfThePage() {
        Connector<JsonNode> connector = Connector.builder("items", Pages.of(2, 5))
                .validator(r -> r.get("n").asInt() % 2 == 1
                        ? Validation.invalid(r, List.of(new Violation("/n", "odd", "odd numbers are rejected")))
                        : Validation.valid(r))
                .onInvalid(InvalidRecordPolicy.SKIP).build();
        Checkpointing<JsonNode> sync = Checkpointing.builder(connector, store).build();

        assertThatThrownBy(() -> sync.run(r -> {
            if (r.get("n").asInt() == 4) {
                throw new IllegalStateException("stop at 4");
            }
            delivered.add(r.get("n").asInt());
        })).hasMessage("stop at 4");
        assertThat(store.load("items").orElseThrow().position().orElseThrow().skip()).isEqualTo(4);
        sync.run(collect());

        assertThat(delivered).containsExactly(0, 2, 4, 6, 8);
    }

    @Test
    void aPrimaryKeyDropsRecordsThatRepeatWithinARun() {
        List<JsonNode> page1 = List.of(Pages.record(0), Pages.record(1), Pages.record(2));
        // Offset paging after an insert: record 2 shows up again at the top of the next page.
        List<JsonNode> page2 = List.of(Pages.record(2), Pages.record(3));
        Connector<JsonNode> connector = Connector.builder("shifted", new ListPageSource(List.of(page1, page2))).build();
        Checkpointing<JsonNode> sync = Checkpointing.builder(connector, store).primaryKey("/id").build();

        SyncReport report = sync.run(collect());

        assertThat(delivered).containsExactly(0, 1, 2, 3);
        assertThat(report.duplicatesDropped()).isEqualTo(1);
        assertThat(report.state().recentKeys()).as("a completed snapshot forgets its keys").isEmpty();
    }

    @Test
    void aRecordWithoutItsPrimaryKeyStopsTheRunBeforeItIsDelivered() {
        JsonNode anonymous = Json.mapper().createObjectNode().put("n", 1);
        Connector<JsonNode> connector = Connector.builder("items",
                new ListPageSource(List.of(List.of(Pages.record(0), anonymous)))).build();
        Checkpointing<JsonNode> sync = Checkpointing.builder(connector, store).primaryKey("/id").build();

        assertThatThrownBy(() -> sync.run(collect())).isInstanceOf(SyncException.class)
                .hasMessageContaining("Record 1 of page 1").hasMessageContaining("no primary key (/id)")
                .hasMessageContaining("connector 'items'");
        assertThat(delivered).containsExactly(0);
        assertThat(store.load("items").orElseThrow().position().orElseThrow().skip()).isEqualTo(1);
    }

    @Test
    void typedRecordsAreKeyedThroughTheirJsonForm() {
        record Item(String id, int n) {
        }
        List<JsonNode> page = List.of(Pages.record(0), Pages.record(0), Pages.record(1));
        Connector<Item> connector = Connector.builder("typed", new ListPageSource(List.of(page))).mapTo(Item.class)
                .build();
        List<Item> items = new ArrayList<>();

        Checkpointing.builder(connector, store).primaryKey("/id").build().run(items::add);

        assertThat(items).containsExactly(new Item("r0", 0), new Item("r1", 1));
    }

    @Test
    void overlappingRunsOfOneInstanceAreRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(1, 1)).build(), store)
                .build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SyncReport> first = pool.submit(() -> sync.run(r -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> sync.run(collect())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already being synced");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).delivered()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void misconfigurationIsRefusedWhenBuilding() {
        Connector<JsonNode> connector = Connector.builder("items", Pages.of(1, 1)).build();
        assertThatThrownBy(() -> Checkpointing.builder(connector, store).alreadyDelivered(k -> true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primaryKey");
        assertThatThrownBy(() -> Checkpointing.builder(connector, store).primaryKey("id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> Checkpointing.builder(connector, store).recentKeys(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recentKeys");
        assertThat(Checkpointing.builder(connector, store).name("other").build().name()).isEqualTo("other");
    }

    @Test
    void aStoredStateFromAnotherSourcePositionIsUsedAsIs() {
        store.save("items", ConnectorState.empty().withPosition(Position.startingAt("p2"), false)
                .withUpdatedAt(Instant.EPOCH));
        Checkpointing<JsonNode> sync = Checkpointing.builder(Connector.builder("items", Pages.of(3, 2)).build(), store)
                .build();

        sync.run(collect());

        assertThat(delivered).containsExactly(4, 5);
        assertThat(Set.copyOf(delivered)).hasSize(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
