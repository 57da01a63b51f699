package dev.inlet.rest;

import static dev.inlet.core.testing.LoopbackServer.ok;
import static dev.inlet.core.testing.LoopbackServer.repeat;
import static dev.inlet.core.testing.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.testing.LoopbackServer;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One hostile value of 50 MB — a JSON string in a record or beside the records, a CSV field, an
 * NDJSON line — in a JVM whose heap is capped at 64 MiB (the {@code streaming-memory} Surefire
 * execution sets {@code -Xmx64m}) ends in a {@link DecodingException}, not an
 * {@code OutOfMemoryError}; and the process-wide default transport still serves the next connector.
 * Every connector here uses the defaults (limits, pipeline, JDK transport). The bodies are
 * generated as they are sent, never held.
 */
class HostileBodyMemoryTest {

    private static final long FIFTY_MB = 50L * 1000 * 1000;
    private static final long HEAP_CAP = 64L * 1024 * 1024;
    private static final int ELEMENT = 1_000;

    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start()
                .route("/string-in-record", exchange -> {
                    OutputStream out = ok(exchange, "application/json", null);
                    write(out, "{\"data\":[{\"id\":1},{\"id\":2,\"note\":\"");
                    repeat(out, (byte) 'x', FIFTY_MB);
                    write(out, "\"}]}");
                })
                .route("/string-in-envelope", exchange -> {
                    OutputStream out = ok(exchange, "application/json", null);
                    write(out, "{\"debug\":\"");
                    repeat(out, (byte) 'x', FIFTY_MB);
                    write(out, "\",\"data\":[{\"id\":1}]}");
                })
                .route("/csv-field", exchange -> {
                    OutputStream out = ok(exchange, "text/csv", null);
                    write(out, "id,note\n1,short\n2,");
                    repeat(out, (byte) 'x', FIFTY_MB);
                    write(out, "\n");
                })
                .route("/ndjson-line", exchange -> {
                    // One line of 50 MB: 50,000 strings of 1,000 characters in one record.
                    OutputStream out = ok(exchange, "application/x-ndjson", null);
                    write(out, "{\"id\":1}\n{\"id\":2,\"parts\":[");
                    String part = "\"" + "y".repeat(ELEMENT - 3) + "\",";
                    for (long written = 0; written < FIFTY_MB; written += ELEMENT) {
                        write(out, part);
                    }
                    write(out, "\"end\"]}\n");
                })
                .route("/good", exchange -> write(ok(exchange, "application/json", null),
                        "{\"data\":[{\"id\":1},{\"id\":2},{\"id\":3}]}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connector<JsonNode> connector(String path, String records) {
        return RestConnector.builder("hostile").baseUrl(server.baseUrl()).path(path).records(records).build();
    }

    /**
     * Reads the connector on another thread, bounded, and returns its failure: an OutOfMemoryError
     * (or a hang) fails the test.
     */
    private static Throwable failureOf(String path, String records) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run in the forked JVM with -Xmx64m")
                .isLessThanOrEqualTo(HEAP_CAP);
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        Throwable failure = CompletableFuture.supplyAsync(() -> {
            try (Stream<JsonNode> stream = connector(path, records).records()) {
                stream.forEach(r -> { });
                return (Throwable) null;
            } catch (Throwable t) {
                return t;
            }
        }).get(30, TimeUnit.SECONDS);
        System.out.printf("%s: %s after %d ms, peak heap %.1f MiB%n", path,
                failure == null ? "no failure" : failure.getClass().getSimpleName(),
                Duration.ofNanos(System.nanoTime() - start).toMillis(), peakHeap() / 1048576.0);
        assertThat(failure).as("a typed Inlet failure, not an OutOfMemoryError").isInstanceOf(DecodingException.class);
        assertThat(((DecodingException) failure).isRetryable()).isFalse();
        assertGoodConnectorStillWorks();
        return failure;
    }

    /** Another connector on the same process-wide default transport is served. */
    private static void assertGoodConnectorStillWorks() throws Exception {
        List<Integer> ids = CompletableFuture.supplyAsync(() -> {
            try (Stream<JsonNode> stream = connector("/good", "/data").records()) {
                return stream.map(r -> r.get("id").asInt()).toList();
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(ids).containsExactly(1, 2, 3);
    }

    @Test
    void aFiftyMegabyteStringInARecord() throws Exception {
        assertThat(failureOf("/string-in-record", "/data").getMessage()).contains("maxStringLength")
                .contains("/data/1/note");
    }

    @Test
    void aFiftyMegabyteStringBesideTheRecords() throws Exception {
        assertThat(failureOf("/string-in-envelope", "/data").getMessage()).contains("maxStringLength")
                .contains("/debug");
    }

    @Test
    void aFiftyMegabyteCsvField() throws Exception {
        assertThat(failureOf("/csv-field", "").getMessage()).contains("maxStringLength").contains("CSV");
    }

    @Test
    void aFiftyMegabyteNdjsonLineLeavesTheSharedTransportWorking() throws Exception {
        InletException failure = (InletException) failureOf("/ndjson-line", "");
        assertThat(failure.getMessage()).contains("maxRecordBytes").contains("line 2");
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound of the peak heap). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
