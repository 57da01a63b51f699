package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inlet read --state} on a sync API ({@code continue_from}): the second run starts at the cursor the
 * first run's last page gave and prints only what was added since.
 */
class CliContinuationTest {

    private static final String DEFINITION = """
            inlet: 1
            name: changes
            base_url: https://api.changes.test
            streams:
              events:
                path: /events
                records: /data
                primary_key: /id
                paginator: {type: body_cursor, param: cursor, cursor: /next, continue_from: /sync_token}
            """;

    @TempDir
    Path dir;

    private final AtomicInteger size = new AtomicInteger(6);
    private final List<String> cursors = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    /** A change log paged by offset cursors ("o4"); the last page's sync_token is the log's end. */
    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            String cursor = query == null ? "" : query.replaceFirst("^.*cursor=([^&]*).*$", "$1");
            cursors.add(cursor);
            int from = cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring(1));
            int end = size.get();
            int to = Math.min(from + 4, end);
            StringBuilder data = new StringBuilder();
            for (int i = from; i < to; i++) {
                data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"e").append(i).append("\"}");
            }
            String body = "{\"data\":[" + data + "]," + (to < end ? "\"next\":\"o" + to + "\",\"sync_token\":null"
                    : "\"next\":null,\"sync_token\":\"o" + end + "\"") + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int read(Path file, String... more) {
        out.reset();
        err.reset();
        List<String> args = new java.util.ArrayList<>(List.of("read", file.toString(), "events", "--base-url",
                "http://127.0.0.1:" + server.getAddress().getPort()));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> ids() {
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceAll("^.*\"id\":\"([^\"]+)\".*$", "$1"))
                .toList();
    }

    @Test
    void theSecondRunWithStateStartsAtTheSyncTokenAndPrintsOnlyTheNewRecords() throws IOException {
        Path file = Files.writeString(dir.resolve("changes.yaml"), DEFINITION);
        String state = dir.resolve("state").toString();

        assertThat(read(file, "--state", state)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(ids()).containsExactly("e0", "e1", "e2", "e3", "e4", "e5");

        size.set(9);
        cursors.clear();
        assertThat(read(file, "--state", state)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(ids()).containsExactly("e6", "e7", "e8");
        assertThat(cursors).as("the first request carries the kept token").startsWith("o6");

        cursors.clear();
        assertThat(read(file, "--state", state)).isZero();
        assertThat(ids()).as("nothing new").isEmpty();
        assertThat(cursors).containsExactly("o9");

        assertThat(read(file)).as("without state: from the beginning").isZero();
        assertThat(ids()).hasSize(9);
    }

    @Test
    void maxPagesResumesThenTheFinishedRunKeepsTheToken() throws IOException {
        Path file = Files.writeString(dir.resolve("changes.yaml"), DEFINITION);
        String state = dir.resolve("state").toString();
        read(file, "--state", state);
        size.set(15);
        assertThat(read(file, "--state", state, "--max-pages", "1")).isZero();
        assertThat(ids()).containsExactly("e6", "e7", "e8", "e9");
        assertThat(read(file, "--state", state)).isZero();
        assertThat(ids()).as("the rest of the interrupted run").containsExactly("e10", "e11", "e12", "e13", "e14");
        size.set(16);
        assertThat(read(file, "--state", state)).isZero();
        assertThat(ids()).containsExactly("e15");
    }
}
