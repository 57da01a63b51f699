package dev.inlet.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback server paging like Plaid's {@code POST /transactions/sync}: the cursor comes in the JSON
 * request body ({@code "cursor": "c<page>"}, absent or null or empty for the first page), the answer is
 * {@code {"added": […], "next_cursor": "c<page+1>", "has_more": …}}. Like Plaid's, the last page's cursor
 * marks the end of the change log ({@code "o<records>"}, an offset): a later sync sent with it gets only
 * the records {@link #add added} since, paged from there with offset cursors. A request without the expected
 * {@code client_id} and {@code secret} in its body gets a 400, so secrets must go out with every request.
 */
final class SyncFake implements AutoCloseable {

    static final String CLIENT_ID = "client-1";
    static final String SECRET = "s3cr3t-do-not-log";

    private final HttpServer server;
    private volatile int records;
    private final int pageSize;
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    SyncFake(int records, int pageSize) {
        this.records = records;
        this.pageSize = pageSize;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/transactions/sync", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            bodies.add(body);
            if (!exchange.getRequestMethod().equals("POST") || !CLIENT_ID.equals(body.path("client_id").asString(""))
                    || !SECRET.equals(body.path("secret").asString(""))) {
                send(exchange, 400, "{\"error_code\":\"INVALID_API_KEYS\"}");
                return;
            }
            JsonNode cursor = body.at("/cursor");
            String token = cursor.isMissingNode() || cursor.isNull() ? "" : cursor.asString();
            boolean offsets = token.startsWith("o");
            int from = token.isEmpty() ? 0 : offsets ? Integer.parseInt(token.substring(1))
                    : Integer.parseInt(token.substring(1)) * pageSize;
            int page = from / pageSize;
            int records = this.records;
            ObjectNode reply = Json.mapper().createObjectNode();
            ArrayNode added = reply.putArray("added");
            for (int n = from; n < Math.min(from + pageSize, records); n++) {
                added.addObject().put("transaction_id", "t" + n).put("n", n);
            }
            reply.putArray("modified");
            reply.putArray("removed");
            // Like Plaid, the last page still has a cursor (for the next sync); has_more says it is the last.
            boolean more = from + pageSize < records;
            reply.put("next_cursor", !more ? "o" + records : offsets ? "o" + (from + pageSize) : "c" + (page + 1));
            reply.put("has_more", more);
            send(exchange, 200, Json.mapper().writeValueAsString(reply));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds records to the end of the change log (what a later sync continuing from its cursor gets). */
    void add(int more) {
        records += more;
    }

    /** The request bodies received, in order. */
    List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
