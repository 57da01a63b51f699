package dev.inlet.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import dev.inlet.core.PageSource;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.state.Checkpointing;
import dev.inlet.core.state.InMemoryStateStore;
import dev.inlet.core.testing.ListPageSource;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many connectors at once on a host executor: really concurrent, bounded, failures isolated. */
class ConcurrentFetchTest {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A connector of {@code size} records whose page waits at the barrier, so it proves who runs together. */
    private Connector<JsonNode> connector(String name, int size, CyclicBarrier together) {
        ListPageSource pages = new ListPageSource(List.of(IntStream.range(0, size)
                .mapToObj(n -> (JsonNode) Json.mapper().createObjectNode().put("source", name).put("n", n)).toList()));
        PageSource source = position -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the fetches did not run together", e);
            } finally {
                inFlight.decrementAndGet();
            }
            return pages.open(position);
        };
        return Connector.builder(name, source).build();
    }

    @Test
    void fetchesRunTogetherOnTheHostExecutorAndReportInTheOrderAdded() {
        CyclicBarrier together = new CyclicBarrier(3);
        Queue<JsonNode> sink = new ConcurrentLinkedQueue<>();
        ExecutorService host = Executors.newFixedThreadPool(3);
        try {
            FetchReport report = ConcurrentFetch.builder().executor(host).maxConcurrent(3)
                    .add(connector("charges", 5, together), sink::add)
                    .add(connector("contacts", 3, together), sink::add)
                    .add(connector("tickets", 2, together), sink::add)
                    .build().run();

            assertThat(report.allSucceeded()).isTrue();
            assertThat(report.outcomes()).extracting(FetchOutcome::name).containsExactly("charges", "contacts", "tickets");
            assertThat(report.outcome("contacts").orElseThrow().report().orElseThrow().valid()).isEqualTo(3);
            assertThat(sink).hasSize(10);
            assertThat(host.isShutdown()).isFalse();
        } finally {
            host.shutdownNow();
        }
    }

    @Test
    void noMoreThanMaxConcurrentRunAtOnce() {
        CyclicBarrier pairs = new CyclicBarrier(2);
        ConcurrentFetch.Builder builder = ConcurrentFetch.builder().maxConcurrent(2);
        for (int i = 0; i < 6; i++) {
            builder.add(connector("source-" + i, 1, pairs), r -> { });
        }

        FetchReport report = builder.build().run();

        assertThat(report.allSucceeded()).isTrue();
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void aFailingFetchIsReportedAndTheOthersComplete() {
        Connector<JsonNode> broken = Connector.builder("broken", position -> {
            throw new TransportException("connection refused by the test", false, null);
        }).build();
        InMemoryStateStore store = new InMemoryStateStore();
        Checkpointing<JsonNode> synced = Checkpointing.builder(connector("synced", 4, new CyclicBarrier(1)), store)
                .build();

        FetchReport report = ConcurrentFetch.builder()
                .add(broken, r -> { })
                .add("synced", () -> Optional.of(synced.run(r -> { }).run()))
                .add("task", Optional::empty)
                .build().run();

        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("broken");
            assertThat(f.failure().orElseThrow()).isInstanceOf(TransportException.class)
                    .hasMessageContaining("connection refused");
        });
        assertThat(report.outcome("synced").orElseThrow().report().orElseThrow().valid()).isEqualTo(4);
        assertThat(store.load("synced").orElseThrow().lastCompletedAt()).isPresent();
        assertThat(report.outcome("task").orElseThrow().succeeded()).isTrue();
    }

    @Test
    void misconfigurationIsRefused() {
        assertThatThrownBy(() -> ConcurrentFetch.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> ConcurrentFetch.builder().add("a", Optional::empty).add("a", Optional::empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> ConcurrentFetch.builder().maxConcurrent(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrent");
        assertThat(ConcurrentFetch.builder().add("a", Optional::empty).add("b", Optional::empty).build().names())
                .containsExactly("a", "b");
    }
}
