package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.error.InletException;
import dev.inlet.core.internal.WaitingThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;

/**
 * Whatever the data, page size, depth, seeded faults (failed requests, bodies cut halfway, pages
 * that come back short mid-data so the guess of the next page is wrong) and
 * wherever a consumer stops and resumes from {@link ConnectorRun#position()} or a failure's resume
 * position, prefetch delivers every record exactly once, in order, and leaves nothing open or running.
 */
class PrefetchPropertyTest {

    private static final ExecutorService POOL = WaitingThreads.daemonPool("property-prefetch", 16);

    @AfterContainer
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Property(tries = 200)
    void everyRecordExactlyOnceInOrderThroughFaultsAndCancellation(
            @ForAll @IntRange(min = 0, max = 300) int total,
            @ForAll @IntRange(min = 1, max = 25) int pageSize,
            @ForAll @IntRange(min = 1, max = 10) int depth,
            @ForAll long seed,
            @ForAll boolean sharedExecutor) {
        OffsetPages source = new OffsetPages(total, pageSize)
                .failOpen((offset, attempt) -> attempt <= 2 && mix(seed, offset, attempt) % 7 == 0)
                .failMidPage((offset, attempt) -> attempt == 1 && mix(seed, offset, 99) % 11 == 0)
                .halfPages(offset -> mix(seed, offset, 77) % 13 == 0);
        PrefetchingSource prefetching = sharedExecutor ? PrefetchingSource.of(source, depth)
                : PrefetchingSource.of(source, depth, POOL);
        Connector<JsonNode> connector = Connector.builder("numbers", prefetching).build();
        Random stops = new Random(seed);
        List<Integer> delivered = new ArrayList<>();
        Position at = Position.start();
        boolean done = false;
        for (int runs = 0; !done; runs++) {
            assertThat(runs).as("runs needed").isLessThan(1_000);
            ConnectorRun<JsonNode> run = connector.open(at);
            int stopAfter = stops.nextInt(3) == 0 ? stops.nextInt(Math.max(1, pageSize * 3)) : Integer.MAX_VALUE;
            try {
                int read = 0;
                while (read < stopAfter && run.hasNext()) {
                    delivered.add(run.next().asInt());
                    read++;
                }
                done = read < stopAfter;
                at = run.position();
                run.close();
            } catch (InletException failure) {
                at = failure.resumePosition().orElseThrow();
            }
        }
        assertThat(delivered).isEqualTo(IntStream.range(0, total).boxed().collect(Collectors.toList()));
        PrefetchingSourceTest.eventually("nothing running", () -> source.running() == 0);
        PrefetchingSourceTest.eventually("every page opened is closed", () -> source.closed() == source.opened());
    }

    /** A seeded hash of an offset and an attempt: where the property tests put their faults. */
    static long mix(long seed, long offset, int attempt) {
        long z = seed + offset * 0x9E3779B97F4A7C15L + attempt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return Math.abs((z ^ (z >>> 31)) % 1_000_003);
    }
}
