package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.InletException;
import dev.inlet.core.error.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ordered prefetch: order, exact positions, errors in order, cancellation, both executor kinds. */
class PrefetchingSourceTest {

    private final ExecutorService pool = dev.inlet.core.internal.WaitingThreads.daemonPool("test-prefetch", 8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static List<Integer> expected(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    private static List<Integer> read(Connector<JsonNode> connector) {
        try (var records = connector.records()) {
            return records.map(JsonNode::asInt).collect(Collectors.toList());
        }
    }

    private static Connector<JsonNode> connector(PageSource source) {
        return Connector.builder("numbers", source).build();
    }

    /** Polls a condition that must become true soon (background fetches ending), failing after 10 s. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void deliversEveryRecordInOrderWithPagesInFlightAtOnce() {
        OffsetPages source = new OffsetPages(1_000, 10).firstTwoMeet();
        assertThat(read(connector(PrefetchingSource.of(source, 8, pool)))).isEqualTo(expected(1_000));
        // Pages 0 and 1 could only open while both were in flight.
        assertThat(source.maxRunning()).isGreaterThanOrEqualTo(2);
        eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    @Test
    void onTheSharedExecutorToo() {
        OffsetPages source = new OffsetPages(500, 7).firstTwoMeet();
        assertThat(read(connector(PrefetchingSource.of(source, 4)))).isEqualTo(expected(500));
        eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    @Test
    void anExecutorThatRefusesMeansTheRunFetchesInTurn() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("full");
        };
        OffsetPages source = new OffsetPages(95, 10);
        assertThat(read(connector(PrefetchingSource.of(source, 8, refusing)))).isEqualTo(expected(95));
        assertThat(source.maxRunning()).isEqualTo(1);
        // Pages 0-9 and the empty page at offset 95 that ends the data; the refused guesses never ran.
        assertThat(source.opened()).isEqualTo(source.closed()).isEqualTo(11);
    }

    @Test
    void positionsAreExactlyThoseOfASequentialRunAfterEveryRecord() {
        OffsetPages plain = new OffsetPages(203, 20);
        OffsetPages ahead = new OffsetPages(203, 20);
        List<Position> sequential = positions(connector(plain));
        List<Position> prefetched = positions(connector(PrefetchingSource.of(ahead, 5, pool)));
        assertThat(prefetched).isEqualTo(sequential).hasSize(204);
    }

    private static List<Position> positions(Connector<JsonNode> connector) {
        List<Position> out = new ArrayList<>();
        try (ConnectorRun<JsonNode> run = connector.open()) {
            out.add(run.position());
            while (run.hasNext()) {
                run.next();
                out.add(run.position());
            }
        }
        return out;
    }

    @Test
    void theEndCancelsThePagesRequestedPastIt() {
        OffsetPages source = new OffsetPages(100, 10);
        assertThat(read(connector(PrefetchingSource.of(source, 8, pool)))).isEqualTo(expected(100));
        // Page 10 is empty (the end); pages 11.. were requested ahead and must all be released.
        eventually("nothing running", () -> source.running() == 0);
        eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    @Test
    void aFailureAheadSurfacesOnlyAfterThePagesBeforeItWereDelivered() {
        OffsetPages source = new OffsetPages(100, 10).failOpen((offset, attempt) -> offset == 30);
        List<Integer> got = new ArrayList<>();
        ConnectorRun<JsonNode> run = connector(PrefetchingSource.of(source, 8, pool)).open();
        assertThatThrownBy(() -> run.forEachRemaining(r -> got.add(r.asInt())))
                .isInstanceOf(TransportException.class).hasMessageContaining("offset 30");
        assertThat(got).isEqualTo(expected(30));
        InletException failure = catchFailure(source);
        assertThat(failure.resumePosition()).hasValueSatisfying(p -> {
            assertThat(p.token()).contains("30");
            assertThat(p.recordsBefore()).isEqualTo(30);
            assertThat(p.skip()).isZero();
        });
        eventually("nothing running", () -> source.running() == 0);
        eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    private InletException catchFailure(OffsetPages failing) {
        ConnectorRun<JsonNode> run = connector(PrefetchingSource.of(failing, 8, pool)).open();
        try {
            run.forEachRemaining(r -> { });
            throw new AssertionError("expected a failure");
        } catch (InletException e) {
            return e;
        }
    }

    @Test
    void closingARunInterruptsRequestsAheadThatWaitAndLeavesNothingRunning() {
        // Every page after the first waits until interrupted: only cancellation can end them.
        OffsetPages source = new OffsetPages(1_000, 10).block(index -> index > 0);
        ConnectorRun<JsonNode> run = connector(PrefetchingSource.of(source, 8, pool)).open();
        for (int i = 0; i < 10; i++) {
            assertThat(run.next().asInt()).isEqualTo(i);
        }
        eventually("7 requests ahead are waiting", () -> source.running() == 7);
        run.close();
        eventually("nothing running after close", () -> source.running() == 0);
        eventually("every page opened is closed", () -> source.closed() == source.opened());
        eventually("the pool is idle", () -> ((java.util.concurrent.ThreadPoolExecutor) pool).getActiveCount() == 0);
    }

    @Test
    void wrongPredictionsCostRequestsButNeverRecordsAndStopAfterTwo() {
        // The source predicts pages of 10, but serves pages of 4: every guess is wrong.
        OffsetPages shortPages = new OffsetPages(40, 4) {
            @Override
            public java.util.Optional<Position> nextIfFull(Position position) {
                long offset = position.token().map(Long::parseLong).orElse(0L);
                return java.util.Optional.of(position.next(Long.toString(offset + 10), 10));
            }
        };
        assertThat(read(connector(PrefetchingSource.of(shortPages, 3, pool)))).isEqualTo(expected(40));
        // After two misses no more guesses: 11 real pages plus at most 2 × 2 wasted requests.
        assertThat(shortPages.opened()).isLessThanOrEqualTo(11 + 4);
        eventually("every page opened is closed", () -> shortPages.closed() == shortPages.opened());
    }

    @Test
    void depthOneAndUnpredictableSourcesGetAPlainReader() {
        OffsetPages source = new OffsetPages(10, 5);
        assertThat(PrefetchingSource.of(source, 1).reader()).isNotInstanceOf(PrefetchingReader.class);
        PageSource unpredictable = source::open;
        assertThat(PrefetchingSource.of(unpredictable, 8).reader()).isNotInstanceOf(PrefetchingReader.class);
        assertThat(PrefetchingSource.of(source, 8).reader()).isInstanceOf(PrefetchingReader.class);
        assertThatThrownBy(() -> PrefetchingSource.of(source, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 (off) and 64");
    }

    @Test
    void aRunResumedFromAFailureMidPageDeliversTheRestExactlyOnce() {
        OffsetPages source = new OffsetPages(60, 10).failMidPage((offset, attempt) -> offset == 20 && attempt == 1);
        PrefetchingSource prefetching = PrefetchingSource.of(source, 4, pool);
        List<Integer> got = new ArrayList<>();
        ConnectorRun<JsonNode> run = connector(prefetching).open();
        Position resume;
        try {
            run.forEachRemaining(r -> got.add(r.asInt()));
            throw new AssertionError("expected a failure");
        } catch (InletException e) {
            resume = e.resumePosition().orElseThrow();
        }
        assertThat(resume.skip()).isEqualTo(5);
        try (var rest = connector(prefetching).records(resume)) {
            rest.forEach(r -> got.add(r.asInt()));
        }
        assertThat(got).isEqualTo(expected(60));
    }
}
