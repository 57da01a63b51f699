package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.error.InletException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;

/**
 * Whatever the data, page size, seeded faults (failed opens, bodies cut halfway, short pages) and wherever
 * a consumer cancels (pages answered by the test, so the consumer runs after {@code readAsync} returned),
 * {@link Connector#readAsync} delivers every record exactly once and in order when
 * each failed run is resumed from its failure's resume position, delivers nothing after a cancel, and
 * leaves no page open; the cancelled run's report resumes exactly where it stopped. Pages are opened on waiting threads (the default {@link PageSource#openAsync}), so
 * the run hops threads between pages.
 */
class ReadAsyncPropertyTest {

    @Property(tries = 150)
    void everyRecordExactlyOnceInOrderThroughFaults(
            @ForAll @IntRange(min = 0, max = 200) int total,
            @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll long seed) throws Exception {
        OffsetPages source = new OffsetPages(total, pageSize)
                .failOpen((offset, attempt) -> attempt <= 2 && PrefetchPropertyTest.mix(seed, offset, attempt) % 7 == 0)
                .failMidPage((offset, attempt) -> attempt == 1 && PrefetchPropertyTest.mix(seed, offset, 99) % 11 == 0)
                .halfPages(offset -> PrefetchPropertyTest.mix(seed, offset, 77) % 13 == 0);
        Connector<JsonNode> connector = Connector.builder("numbers", source).build();
        List<Integer> delivered = new ArrayList<>();
        Position at = Position.start();
        for (int runs = 0; ; runs++) {
            assertThat(runs).as("runs needed").isLessThan(1_000);
            CompletableFuture<RunReport> read = connector.readAsync(at, record -> delivered.add(record.asInt()));
            try {
                assertThat(read.get(30, TimeUnit.SECONDS).completed()).isTrue();
                break;
            } catch (java.util.concurrent.ExecutionException failed) {
                at = ((InletException) failed.getCause()).resumePosition().orElseThrow();
            }
        }
        assertThat(delivered).isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
        PrefetchingSourceTest.eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    @Property(tries = 100)
    void nothingIsDeliveredAfterACancelTheReportResumesExactlyAndNothingIsLeftOpen(
            @ForAll @IntRange(min = 1, max = 200) int total,
            @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll long seed) throws Exception {
        HeldPages held = new HeldPages(new OffsetPages(total, pageSize));
        OffsetPages source = held.pages;
        Connector<JsonNode> connector = Connector.builder("numbers", held).build();
        int cancelAfter = 1 + new Random(seed).nextInt(total);
        List<Integer> delivered = new ArrayList<>();
        CompletableFuture<CompletableFuture<RunReport>> self = new CompletableFuture<>();
        CompletableFuture<RunReport> read = connector.readAsync(record -> {
            delivered.add(record.asInt());
            if (delivered.size() == cancelAfter) {
                self.join().cancel(true);
            }
        });
        self.complete(read);
        // Each answer runs the run on this thread up to its next page request, or to the cancel.
        while (!read.isDone()) {
            held.answerNext();
        }

        assertThatThrownBy(() -> read.get(30, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(delivered).hasSize(cancelAfter);
        PrefetchingSourceTest.eventually("the cancelled run ended", () -> connector.lastReport().isPresent());
        Position resume = connector.lastReport().orElseThrow().resumePosition().orElseThrow();
        CompletableFuture<RunReport> rest = connector.readAsync(resume, record -> delivered.add(record.asInt()));
        while (!rest.isDone()) {
            held.answerNext();
        }
        assertThat(rest.get(30, TimeUnit.SECONDS).completed()).isTrue();
        assertThat(delivered).as("the cancelled run and the one resumed from its report")
                .isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
        PrefetchingSourceTest.eventually("every page opened is closed", () -> source.closed() == source.opened());
        PrefetchingSourceTest.eventually("nothing running", () -> source.running() == 0);
    }
}
