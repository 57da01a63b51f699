package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Connector;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One response holding a JSON array of 1,000,000 records (about 100 MB) is streamed through
 * {@code records()} in a JVM whose heap is capped at 64 MiB. Runs in its own forked JVM (the
 * {@code streaming-memory} Surefire execution of this module sets {@code -Xmx64m}); the body is
 * generated on the fly by an in-process server, never stored.
 */
class StreamingMemoryTest {

    private static final int RECORDS = 1_000_000;
    private static final long HEAP_CAP = 64L * 1024 * 1024;

    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newSingleThreadExecutor();
        server.setExecutor(executor);
        server.createContext("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                out.write("{\"object\":\"list\",\"data\":[".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < RECORDS; i++) {
                    String record = (i == 0 ? "" : ",") + "{\"id\":\"rec_" + i + "\",\"n\":" + i
                            + ",\"amount\":" + (i % 10_000) + ".25,\"currency\":\"eur\",\"note\":\"generated record\"}";
                    out.write(record.getBytes(StandardCharsets.US_ASCII));
                }
                out.write("],\"has_more\":false}".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void aMillionRecordResponseStreamsWithinA64MiBHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run in the forked JVM with -Xmx64m").isLessThanOrEqualTo(HEAP_CAP);
        Connector<JsonNode> connector = RestConnector.builder("huge")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).path("/huge").records("/data").build();

        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        AtomicLong last = new AtomicLong(-1);
        try (Stream<JsonNode> records = connector.records()) {
            records.forEach(r -> {
                count.incrementAndGet();
                sum.addAndGet(r.get("n").asLong());
                last.set(r.get("n").asLong());
            });
        }

        assertThat(count.get()).isEqualTo(RECORDS);
        assertThat(sum.get()).isEqualTo((long) RECORDS * (RECORDS - 1) / 2);
        assertThat(last.get()).isEqualTo(RECORDS - 1);
        assertThat(connector.lastReport()).hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
    }
}
