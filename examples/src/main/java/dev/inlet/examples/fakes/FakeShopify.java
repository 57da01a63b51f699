package dev.inlet.examples.fakes;

import com.sun.net.httpserver.HttpExchange;
import dev.inlet.core.Json;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A Shopify-like Admin GraphQL API on a loopback port, run by graphql-java: an {@code orders} Relay
 * connection, the {@code X-Shopify-Access-Token} header, and Shopify's leaky-bucket cost model —
 * every response carries {@code extensions.cost} (requested and actual cost, {@code throttleStatus});
 * a query costing more than the bucket holds is refused with a {@code THROTTLED} error. The bucket
 * refills in real time, as Shopify's does.
 */
public final class FakeShopify extends FakeHttp {

    /** The Admin API path the fake serves. */
    public static final String PATH = "/admin/api/2025-01/graphql.json";

    private static final String SDL = """
            type Query { orders(first: Int!, after: String): OrderConnection! }
            type OrderConnection { edges: [OrderEdge!]! pageInfo: PageInfo! }
            type OrderEdge { cursor: String! node: Order! }
            type Order { id: ID! name: String! createdAt: String! totalPriceSet: MoneyBag! customer: Customer }
            type MoneyBag { shopMoney: Money! }
            type Money { amount: String! currencyCode: String! }
            type Customer { id: ID! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            """;

    /** One generated order. */
    public record Order(int number, Instant createdAt, BigDecimal amount, String currency, int customer) {
    }

    private final String token;
    private final List<Order> orders;
    private final GraphQL graphQL;
    private final double maximum;
    private final double restorePerSecond;
    private double available;
    private long lastRefill = System.nanoTime();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    private FakeShopify(String token, int count, double bucket, double restorePerSecond) throws IOException {
        this.token = token;
        this.orders = generate(count);
        this.maximum = bucket;
        this.available = bucket;
        this.restorePerSecond = restorePerSecond;
        DataFetcher<Object> connection = env -> {
            int first = env.getArgument("first");
            String after = env.getArgument("after");
            int start = after == null ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(after),
                    StandardCharsets.UTF_8)) + 1;
            int end = Math.min(orders.size(), start + first);
            List<Map<String, Object>> edges = new ArrayList<>();
            for (int i = start; i < end; i++) {
                Order o = orders.get(i);
                edges.add(Map.of("cursor", cursor(i), "node", Map.of("id", "gid://shopify/Order/" + o.number(),
                        "name", "#" + o.number(), "createdAt", o.createdAt().toString(),
                        "totalPriceSet", Map.of("shopMoney", Map.of("amount", o.amount().toPlainString(),
                                "currencyCode", o.currency())),
                        "customer", Map.of("id", "gid://shopify/Customer/" + o.customer()))));
            }
            Map<String, Object> pageInfo = new LinkedHashMap<>();
            pageInfo.put("hasNextPage", end < orders.size());
            pageInfo.put("endCursor", end > start ? cursor(end - 1) : null);
            return Map.of("edges", edges, "pageInfo", pageInfo);
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("orders", connection)).build();
        this.graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
                wiring)).build();
        route(PATH, this::graphql);
        start();
    }

    /**
     * Starts the fake.
     *
     * @param token the only access token it accepts
     * @param count how many orders it serves
     * @param bucket the cost bucket's size in points (Shopify: 1,000 on standard plans)
     * @param restorePerSecond points restored per second (Shopify: 50)
     */
    public static FakeShopify start(String token, int count, double bucket, double restorePerSecond)
            throws IOException {
        return new FakeShopify(token, count, bucket, restorePerSecond);
    }

    /** Every order served, in order. */
    public List<Order> orders() {
        return orders;
    }

    /** Requests answered. */
    public int requests() {
        return requests.get();
    }

    /** Requests refused with a THROTTLED error. */
    public int throttled() {
        return throttled.get();
    }

    private static List<Order> generate(int count) {
        List<Order> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant created = Instant.ofEpochSecond(FakeStripe.START + (i * 7L * 24 * 3600) / Math.max(1, count));
            out.add(new Order(1001 + i, created, new BigDecimal(1500 + (i * 4409L) % 30_000).movePointLeft(2),
                    "EUR", i % 97));
        }
        return List.copyOf(out);
    }

    private static String cursor(int index) {
        return Base64.getEncoder().encodeToString(Integer.toString(index).getBytes(StandardCharsets.UTF_8));
    }

    private void graphql(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!token.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            respond(exchange, 401, "application/json", "{\"errors\":\"[API] Invalid API key or access token\"}");
            return;
        }
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        Map<String, Object> variables = request.has("variables") && request.get("variables").isObject()
                ? Json.mapper().convertValue(request.get("variables"), Map.class) : Map.of();
        int first = ((Number) variables.getOrDefault("first", 10)).intValue();
        double cost = 2 + first;
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (this) {
            refill();
            if (cost > available) {
                throttled.incrementAndGet();
                body.put("errors", List.of(Map.of("message", "Throttled", "extensions",
                        Map.of("code", "THROTTLED"))));
                body.put("extensions", costExtension(cost, 0));
                respond(exchange, 200, "application/json", Json.mapper().writeValueAsString(body));
                return;
            }
            available -= cost;
        }
        ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput()
                .query(request.path("query").asString()).variables(variables).build());
        body.putAll(result.toSpecification());
        synchronized (this) {
            body.put("extensions", costExtension(cost, cost));
        }
        respond(exchange, 200, "application/json", Json.mapper().writeValueAsString(body));
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - lastRefill) / 1e9 * restorePerSecond);
        lastRefill = now;
    }

    private Map<String, Object> costExtension(double requested, double actual) {
        return Map.of("cost", Map.of("requestedQueryCost", requested, "actualQueryCost", actual,
                "throttleStatus", Map.of("maximumAvailable", maximum, "currentlyAvailable", Math.floor(available),
                        "restoreRate", restorePerSecond)));
    }
}
