package dev.inlet.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.InletListener.PageDone;
import dev.inlet.core.InletListener.RunFinished;
import dev.inlet.core.InletListener.RunStarted;
import dev.inlet.core.InletListener.StateCommitted;
import dev.inlet.core.Json;
import dev.inlet.core.testing.ListPageSource;
import dev.inlet.core.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every write of a run's state reaches the listener as a {@link StateCommitted}, on the run it belongs
 * to and while the run is open: the commit latency that monitoring shows (issue 22).
 */
class StateCommitEventsTest {

    private final RecordingListener listener = new RecordingListener();

    private static JsonNode dated(String id, String updatedAt) {
        return Json.mapper().createObjectNode().put("id", id).put("updated_at", updatedAt);
    }

    private Connector<JsonNode> connector() {
        return Connector.builder("items", Pages.of(3, 4)).listener(listener).build();
    }

    @Test
    void aCompletedRunReportsOneCommitBeforeThePagesOneAfterEachPageWithANextAndTheLast() {
        Checkpointing.builder(connector(), new InMemoryStateStore()).name("items-state").build().run(r -> { });

        List<StateCommitted> commits = listener.of(StateCommitted.class);
        String runId = listener.of(RunStarted.class).get(0).runId();
        assertThat(commits).hasSize(1 + 2 + 1).allSatisfy(c -> {
            assertThat(c.connector()).isEqualTo("items");
            assertThat(c.state()).isEqualTo("items-state");
            assertThat(c.runId()).isEqualTo(runId);
            assertThat(c.succeeded()).isTrue();
            assertThat(c.elapsed()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
        List<Object> events = listener.events();
        assertThat(indexOf(events, events.stream().filter(RunStarted.class::isInstance).findFirst().orElseThrow()))
                .isLessThan(indexOf(events, commits.get(0)));
        List<PageDone> pages = listener.of(PageDone.class);
        assertThat(indexOf(events, commits.get(commits.size() - 1)))
                .as("the last commit follows the last page: it records the completed run")
                .isGreaterThan(indexOf(events, pages.get(pages.size() - 1)));
    }

    /**
     * Where this very event is: events are records, and two commits that took the same time are equal, so
     * {@code List.indexOf} would find the first of them.
     */
    private static int indexOf(List<Object> events, Object event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == event) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFailingStoreIsReportedAsAFailedCommitAndTheRunStillFinishes() {
        StateStore failsSecondSave = new StateStore() {
            private final InMemoryStateStore inner = new InMemoryStateStore();
            private int saves;

            @Override
            public Optional<ConnectorState> load(String name) {
                return inner.load(name);
            }

            @Override
            public void save(String name, ConnectorState state) {
                if (++saves == 2) {
                    throw new StateStoreException("Cannot write the state of '" + name + "'", "check the disk", null);
                }
                inner.save(name, state);
            }

            @Override
            public void delete(String name) {
                inner.delete(name);
            }
        };

        assertThatThrownBy(() -> Checkpointing.builder(connector(), failsSecondSave).build().run(r -> { }))
                .isInstanceOf(StateStoreException.class);

        List<StateCommitted> commits = listener.of(StateCommitted.class);
        assertThat(commits).extracting(StateCommitted::succeeded).startsWith(true, false);
        assertThat(listener.of(RunFinished.class)).as("the run is closed, so its span and timer end").hasSize(1);
    }

    @Test
    void anIncrementalSyncReportsItsCommitsToo() {
        List<List<JsonNode>> pages = List.of(List.of(dated("a", "2026-01-01T10:00:00Z")),
                List.of(dated("b", "2026-01-01T10:05:00Z")));
        IncrementalSync.<JsonNode>builder("contacts").store(new InMemoryStateStore()).cursorField("/updated_at")
                .connector(since -> Connector.builder("contacts", new ListPageSource(pages)).listener(listener).build())
                .build().run(r -> { });

        assertThat(listener.of(StateCommitted.class)).as("before, after the first page, at the end").hasSize(3)
                .allSatisfy(c -> {
                    assertThat(c.state()).isEqualTo("contacts");
                    assertThat(c.succeeded()).isTrue();
                });
    }
}
