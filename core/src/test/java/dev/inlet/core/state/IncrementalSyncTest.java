package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.core.RunWarning;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.ListPageSource;
import dev.inlet.core.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Incremental runs ask only for what changed, drop the lookback's overlap, and resume with the same query. */
class IncrementalSyncTest {

    /** A fake API of records by id, each with an updated_at; answers "updated at or after since" in pages of 3. */
    private final Map<String, ObjectNode> api = new LinkedHashMap<>();
    private final List<Optional<String>> asked = new ArrayList<>();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<String> delivered = new ArrayList<>();

    private void put(String id, String updatedAt) {
        api.put(id, Json.mapper().createObjectNode().put("id", id).put("updated_at", updatedAt));
    }

    private Connector<JsonNode> connectorSince(Optional<String> since) {
        asked.add(since);
        Instant from = since.map(s -> Instant.parse(s)).orElse(Instant.MIN);
        List<JsonNode> matching = api.values().stream()
                .filter(r -> !Instant.parse(r.get("updated_at").asString()).isBefore(from))
                .sorted(Comparator.comparing(r -> Instant.parse(r.get("updated_at").asString())))
                .map(r -> (JsonNode) r.deepCopy()).toList();
        List<List<JsonNode>> pages = new ArrayList<>();
        for (int i = 0; i < matching.size(); i += 3) {
            pages.add(matching.subList(i, Math.min(i + 3, matching.size())));
        }
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        return Connector.builder("contacts", new ListPageSource(pages)).build();
    }

    private IncrementalSync.Builder<JsonNode> sync() {
        return IncrementalSync.<JsonNode>builder("contacts").store(store).cursorField("/updated_at")
                .connector(this::connectorSince);
    }

    private void collect(JsonNode r) {
        delivered.add(r.get("id").asString() + "@" + r.get("updated_at").asString());
    }

    @Test
    void theNextRunAsksFromTheGreatestCursorMinusTheLookbackAndDropsTheOverlap() {
        put("a", "2026-01-01T10:00:00Z");
        put("b", "2026-01-01T10:05:00Z");
        put("c", "2026-01-01T10:09:00Z");
        put("d", "2026-01-01T10:10:00Z");
        IncrementalSync<JsonNode> sync = sync().primaryKey("/id").lookback(Duration.ofMinutes(5)).build();

        SyncReport first = sync.run(this::collect);
        put("e", "2026-01-01T10:12:00Z");
        put("b", "2026-01-01T10:11:00Z");
        delivered.clear();
        SyncReport second = sync.run(this::collect);

        assertThat(first.state().cursor()).contains("2026-01-01T10:10:00Z");
        assertThat(asked).containsExactly(Optional.empty(), Optional.of("2026-01-01T10:05:00Z"));
        assertThat(second.since()).contains("2026-01-01T10:05:00Z");
        // c and d are in the overlap and unchanged: dropped. b changed: delivered. e is new.
        assertThat(delivered).containsExactly("b@2026-01-01T10:11:00Z", "e@2026-01-01T10:12:00Z");
        assertThat(second.duplicatesDropped()).isEqualTo(2);
        assertThat(second.state().cursor()).contains("2026-01-01T10:12:00Z");
        assertThat(sync.nextSince()).contains("2026-01-01T10:07:00Z");
    }

    @Test
    void withoutAPrimaryKeyTheOverlapIsDeliveredAgain() {
        put("a", "2026-01-01T10:00:00Z");
        put("b", "2026-01-01T10:05:00Z");
        IncrementalSync<JsonNode> sync = sync().build();

        sync.run(this::collect);
        sync.run(this::collect);

        assertThat(asked).containsExactly(Optional.empty(), Optional.of("2026-01-01T10:05:00Z"));
        assertThat(delivered).containsExactly("a@2026-01-01T10:00:00Z", "b@2026-01-01T10:05:00Z",
                "b@2026-01-01T10:05:00Z");
    }

    @Test
    void cursorsAreComparedAsInstantsNotAsText() {
        put("a", "2026-01-01T10:00:00+01:00");
        put("b", "2026-01-01T09:30:00Z");
        IncrementalSync<JsonNode> sync = sync().build();

        SyncReport report = sync.run(this::collect);

        // 10:00+01:00 is 09:00Z, so b is the greatest although "10:00" > "09:30" as text.
        assertThat(report.state().cursor()).contains("2026-01-01T09:30:00Z");
    }

    @Test
    void aRunInterruptedByACrashResumesWithTheSameSinceAndPosition() {
        for (int i = 0; i < 9; i++) {
            put("r" + i, "2026-01-01T10:0" + i + ":00Z");
        }
        IncrementalSync<JsonNode> sync = sync().primaryKey("/id").startAt("2026-01-01T10:02:00Z").build();

        assertThatThrownBy(() -> sync.run(r -> {
            if (delivered.size() == 4) {
                throw new Pages.Crash();
            }
            collect(r);
        })).isInstanceOf(Pages.Crash.class);
        ConnectorState afterCrash = store.load("contacts").orElseThrow();
        put("late", "2026-01-01T10:30:00Z");
        sync.run(this::collect);

        assertThat(afterCrash.since()).contains("2026-01-01T10:02:00Z");
        assertThat(afterCrash.cursor()).as("the cursor of the checkpointed page").contains("2026-01-01T10:04:00Z");
        assertThat(asked).containsExactly(Optional.of("2026-01-01T10:02:00Z"), Optional.of("2026-01-01T10:02:00Z"));
        assertThat(delivered).extracting(s -> s.substring(0, s.indexOf('@')))
                .containsExactly("r2", "r3", "r4", "r5", "r5", "r6", "r7", "r8", "late");
        assertThat(store.load("contacts").orElseThrow().cursor()).contains("2026-01-01T10:30:00Z");
    }

    @Test
    void epochCursorsKeepTheirUnitInTheSince() {
        Function<Optional<String>, Connector<JsonNode>> factory = since -> {
            asked.add(since);
            return Connector.builder("events", new ListPageSource(List.of(List.of(
                    Json.mapper().createObjectNode().put("id", "e1").put("ts", 1_767_225_600_000L),
                    Json.mapper().createObjectNode().put("id", "e2").put("ts", "1767225660000"))))).build();
        };
        IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("events").store(store).cursorField("/ts")
                .cursorFormat(CursorFormat.EPOCH_MILLIS).lookback(Duration.ofSeconds(30)).connector(factory).build();

        sync.run(r -> { });
        sync.run(r -> { });

        assertThat(asked).containsExactly(Optional.empty(), Optional.of("1767225630000"));
        assertThat(CursorFormat.EPOCH_SECONDS.parse("1767225600")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(CursorFormat.EPOCH_SECONDS.minus(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
                .isEqualTo("1767225540");
    }

    @Test
    void aRecordWithoutAReadableCursorStopsTheRunBeforeItIsDelivered() {
        put("a", "2026-01-01T10:00:00Z");
        put("b", "yesterday");
        IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("contacts").store(store)
                .cursorField("/updated_at").connector(since -> Connector.builder("contacts",
                        new ListPageSource(List.of(List.copyOf(api.values())))).build()).build();

        assertThatThrownBy(() -> sync.run(this::collect)).isInstanceOf(SyncException.class)
                .hasMessageContaining("no readable cursor at /updated_at").hasMessageContaining("yesterday")
                .hasMessageContaining("ISO_INSTANT");
        assertThat(delivered).containsExactly("a@2026-01-01T10:00:00Z");
        ConnectorState stopped = store.load("contacts").orElseThrow();
        assertThat(stopped.position().orElseThrow().skip()).isEqualTo(1);
        assertThat(stopped.cursor()).contains("2026-01-01T10:00:00Z");
    }

    @Test
    void aStoredCursorInAnotherFormatIsAClearError() {
        store.save("contacts", ConnectorState.empty().withCursor(Optional.of("1767225600")));
        IncrementalSync<JsonNode> sync = sync().build();

        assertThatThrownBy(() -> sync.run(this::collect)).isInstanceOf(StateStoreException.class)
                .hasMessageContaining("\"1767225600\"").hasMessageContaining("ISO_INSTANT");
    }

    @Test
    void misconfigurationIsRefusedWhenBuilding() {
        assertThatThrownBy(() -> IncrementalSync.builder("x").store(store).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursorField");
        assertThatThrownBy(() -> sync().startAt("last tuesday").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startAt");
        assertThatThrownBy(() -> sync().lookback(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> sync().cursorField("updated_at"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> sync().alreadyDelivered(k -> true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primaryKey");
    }

    @Test
    void aFarFutureCursorIsDeliveredButNeverStoredSoTheSyncDoesNotFreeze() {
        FakeClock clock = new FakeClock(Instant.parse("2026-01-02T00:00:00Z"));
        RecordingListener listener = new RecordingListener();
        put("a", "2026-01-01T10:00:00Z");
        put("sentinel", "9999-12-31T00:00:00Z");
        put("b", "2026-01-01T10:05:00Z");
        IncrementalSync<JsonNode> sync = IncrementalSync.<JsonNode>builder("contacts").store(store)
                .cursorField("/updated_at").primaryKey("/id").clock(clock)
                .connector(since -> Connector.builder("contacts", connectorSince(since).source()).listener(listener)
                        .build())
                .build();

        SyncReport first = sync.run(this::collect);
        put("c", "2026-01-01T12:00:00Z");
        delivered.clear();
        sync.run(this::collect);

        assertThat(first.state().cursor()).as("the sane maximum, not 9999").contains("2026-01-01T10:05:00Z");
        assertThat(first.run().warningCount()).isEqualTo(1);
        assertThat(first.run().warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(RunWarning.CURSOR_IN_FUTURE);
            assertThat(w.message()).contains("(key sentinel)").contains("/updated_at = 9999-12-31T00:00:00Z")
                    .contains("years after now").contains("tolerance 5 min").contains("page 1");
        });
        assertThat(listener.of(RunWarning.class)).extracting(RunWarning::kind)
                .containsExactly(RunWarning.CURSOR_IN_FUTURE);
        assertThat(asked).containsExactly(Optional.empty(), Optional.of("2026-01-01T10:05:00Z"));
        assertThat(delivered).as("the next run still sees new records").contains("c@2026-01-01T12:00:00Z");
    }

    @Test
    void theToleranceLetsOrdinaryClockSkewThroughAndIsConfigurable() {
        FakeClock clock = new FakeClock(Instant.parse("2026-01-01T10:00:00Z"));
        put("a", "2026-01-01T10:04:00Z");
        put("b", "2026-01-01T11:00:00Z");

        SyncReport strict = sync().clock(clock).build().run(this::collect);
        assertThat(strict.state().cursor()).contains("2026-01-01T10:04:00Z");
        assertThat(strict.run().warningCount()).isEqualTo(1);

        store.delete("contacts");
        SyncReport relaxed = sync().clock(clock).futureCursorTolerance(Duration.ofHours(2)).build().run(this::collect);
        assertThat(relaxed.state().cursor()).contains("2026-01-01T11:00:00Z");
        assertThat(relaxed.run().warningCount()).isZero();
    }

    @Test
    void aStoredCursorFrozenInTheFutureStopsTheRunBeforeAnyRequest() {
        FakeClock clock = new FakeClock(Instant.parse("2026-01-02T00:00:00Z"));
        store.save("contacts", ConnectorState.empty().withCursor(Optional.of("9999-12-31T00:00:00Z")));

        assertThatThrownBy(() -> sync().clock(clock).build().run(this::collect)).isInstanceOf(SyncException.class)
                .hasMessageContaining("The stored cursor 9999-12-31T00:00:00Z of 'contacts' (/updated_at)")
                .hasMessageContaining("get none").hasMessageContaining("delete the state");
        assertThat(asked).isEmpty();
    }
}
