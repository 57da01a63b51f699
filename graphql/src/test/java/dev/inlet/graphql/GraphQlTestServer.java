package dev.inlet.graphql;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Json;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process GraphQL server on a loopback ephemeral port: the {@link OrdersSchema} executed by
 * graphql-java, behind a Shopify-style cost bucket (optional) and Automatic Persisted Queries.
 *
 * <p>The bucket is kept in integer milli-points and restored by the given clock (share the
 * client's {@code FakeClock} and no test waits in real time). A query costs {@code 2 + $first}
 * points (52 for a page of 50), other operations 1. Counts requests, THROTTLED answers, APQ misses
 * and how often each page (by its {@code $after} cursor) was served with data.
 */
final class GraphQlTestServer implements AutoCloseable {

    /** What one request carried, for assertions. */
    record Received(String method, String query, String hash, JsonNode variables, String idempotencyKey) {
    }

    static {
        // Read once, when the JDK's server configuration loads; the pom sets it too, for forked JVMs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final GraphQL graphQL;
    private final Clock clock;
    private final long capacityMilli;
    private final long restorePerSecond;
    private final boolean persistedQueriesSupported;
    private final Map<String, String> persisted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> servedByCursor = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger persistedQueryMisses = new AtomicInteger();
    private long availableMilli;
    private Instant restoredAt;

    private GraphQlTestServer(Builder b) throws IOException {
        this.graphQL = OrdersSchema.graphQL(b.total, b.failingRisk, b.failingScore);
        this.clock = b.clock;
        this.capacityMilli = b.capacity * 1000L;
        this.restorePerSecond = b.restorePerSecond;
        this.persistedQueriesSupported = b.persistedQueriesSupported;
        this.availableMilli = capacityMilli;
        this.restoredAt = clock.instant();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/graphql", this::handle);
        server.start();
    }

    static Builder builder() {
        return new Builder();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** Every request received, in order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    int requests() {
        return received.size();
    }

    int throttled() {
        return throttled.get();
    }

    int persistedQueryMisses() {
        return persistedQueryMisses.get();
    }

    /** How many times each page was answered with data, by its cursor ({@code "start"} for the first). */
    Map<String, Integer> servedByCursor() {
        Map<String, Integer> out = new HashMap<>();
        servedByCursor.forEach((cursor, count) -> out.put(cursor, count.get()));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = requestOf(exchange);
            String query = text(request.get("query"));
            String hash = text(request.path("extensions").path("persistedQuery").get("sha256Hash"));
            JsonNode variables = request.get("variables") == null || request.get("variables").isNull()
                    ? Json.mapper().createObjectNode() : request.get("variables");
            received.add(new Received(exchange.getRequestMethod(), query, hash, variables,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            if (hash != null) {
                if (!persistedQueriesSupported) {
                    respond(exchange, error("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED"));
                    return;
                }
                if (query == null) {
                    query = persisted.get(hash);
                    if (query == null) {
                        persistedQueryMisses.incrementAndGet();
                        respond(exchange, error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"));
                        return;
                    }
                } else if (!GraphQlOperation.sha256Hex(query).equals(hash)) {
                    respond(exchange, error("provided sha does not match query", "INVALID_HASH"));
                    return;
                } else {
                    persisted.put(hash, query);
                }
            }
            if (query == null) {
                respond(exchange, error("no query in the request", "BAD_REQUEST"));
                return;
            }
            long cost = variables.has("first") ? 2 + variables.get("first").asLong() : 1;
            Map<String, Object> costExtension = null;
            if (capacityMilli > 0) {
                synchronized (this) {
                    restore();
                    if (availableMilli < cost * 1000) {
                        throttled.incrementAndGet();
                        Map<String, Object> body = error("Throttled", "THROTTLED");
                        body.put("extensions", Map.of("cost", cost(cost, null)));
                        respond(exchange, body);
                        return;
                    }
                    availableMilli -= cost * 1000;
                    costExtension = cost(cost, cost);
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> variableMap = Json.mapper().convertValue(variables, Map.class);
            ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput().query(query)
                    .operationName(text(request.get("operationName"))).variables(variableMap).build());
            Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
            if (costExtension != null) {
                body.put("extensions", Map.of("cost", costExtension));
            }
            if (variables.has("first") && result.isDataPresent()) {
                String after = variables.has("after") && !variables.get("after").isNull()
                        ? variables.get("after").asString() : "start";
                servedByCursor.computeIfAbsent(after, k -> new AtomicInteger()).incrementAndGet();
            }
            respond(exchange, body);
        } catch (RuntimeException e) {
            byte[] bytes = ("{\"error\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Restores the bucket for the time passed on the shared clock, in whole milliseconds. */
    private void restore() {
        Instant now = clock.instant();
        long millis = Math.max(0, java.time.Duration.between(restoredAt, now).toMillis());
        availableMilli = Math.min(capacityMilli, availableMilli + millis * restorePerSecond);
        restoredAt = restoredAt.plusMillis(millis);
    }

    private Map<String, Object> cost(long requested, Long actual) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("maximumAvailable", capacityMilli / 1000.0);
        status.put("currentlyAvailable", availableMilli / 1000.0);
        status.put("restoreRate", (double) restorePerSecond);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", status);
        return cost;
    }

    private static Map<String, Object> error(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        return body;
    }

    private static JsonNode requestOf(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            return Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        }
        ObjectNode request = Json.mapper().createObjectNode();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.set(name, name.equals("variables") || name.equals("extensions")
                        ? Json.mapper().readTree(value) : request.stringNode(value));
            }
        }
        return request;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static void respond(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Configures the test server. */
    static final class Builder {
        private int total = 2500;
        private Set<Integer> failingRisk = Set.of();
        private Set<Integer> failingScore = Set.of();
        private Clock clock = Clock.systemUTC();
        private int capacity;
        private int restorePerSecond;
        private boolean persistedQueriesSupported = true;

        Builder orders(int total) {
            this.total = total;
            return this;
        }

        Builder failingRisk(Integer... numbers) {
            this.failingRisk = Set.of(numbers);
            return this;
        }

        Builder failingScore(Integer... numbers) {
            this.failingScore = Set.of(numbers);
            return this;
        }

        /** A Shopify-style bucket of {@code capacity} points restoring {@code perSecond} on the clock. */
        Builder costBucket(int capacity, int perSecond, Clock clock) {
            this.capacity = capacity;
            this.restorePerSecond = perSecond;
            this.clock = clock;
            return this;
        }

        Builder persistedQueriesSupported(boolean supported) {
            this.persistedQueriesSupported = supported;
            return this;
        }

        GraphQlTestServer start() {
            try {
                return new GraphQlTestServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test server", e);
            }
        }
    }

    static List<Integer> numbers(List<JsonNode> orders) {
        List<Integer> out = new ArrayList<>(orders.size());
        orders.forEach(o -> out.add(o.get("number").asInt()));
        return out;
    }
}
