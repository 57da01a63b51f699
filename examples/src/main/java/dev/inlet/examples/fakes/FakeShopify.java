package dev.inlet.examples.fakes;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Shopify-like Admin GraphQL API on a loopback port, a {@link FakeApi}: an {@code orders} Relay
 * connection, the {@code X-Shopify-Access-Token} header, and Shopify's leaky-bucket cost model —
 * every response carries {@code extensions.cost} (requested and actual cost, {@code throttleStatus});
 * a query costing more than the bucket holds is refused with a {@code THROTTLED} error. The bucket
 * refills in real time, as Shopify's does. The query text is not parsed: every order is served whole,
 * in the shape of the presets' query.
 */
public final class FakeShopify implements AutoCloseable {

    /** The Admin API path the fake serves. */
    public static final String PATH = "/admin/api/2025-01/graphql.json";

    /** One generated order. */
    public record Order(int number, Instant createdAt, BigDecimal amount, String currency, int customer) {
    }

    private final List<Order> orders;
    private final FakeApi api;

    private FakeShopify(String token, int count, double bucket, double restorePerSecond) {
        this.orders = generate(count);
        this.api = FakeApi.builder().path(PATH).records(RecordSet.of(orders.stream().map(FakeShopify::json).toList()))
                .paging(Paging.relay("orders")).maxPageSize(250) // Shopify's largest page
                .auth(Auth.apiKey("X-Shopify-Access-Token", token))
                .graphQlCostLimit(bucket, restorePerSecond).start();
    }

    /**
     * Starts the fake.
     *
     * @param token the only access token it accepts
     * @param count how many orders it serves
     * @param bucket the cost bucket's size in points (Shopify: 1,000 on standard plans)
     * @param restorePerSecond points restored per second (Shopify: 50)
     */
    public static FakeShopify start(String token, int count, double bucket, double restorePerSecond) {
        return new FakeShopify(token, count, bucket, restorePerSecond);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return api.baseUrl();
    }

    /** Every order served, in order. */
    public List<Order> orders() {
        return orders;
    }

    /** Requests answered, THROTTLED ones included. */
    public int requests() {
        return api.requests().size();
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

    /** An order node as the presets' query selects it. */
    private static Map<String, Object> json(Order o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", "gid://shopify/Order/" + o.number());
        out.put("name", "#" + o.number());
        out.put("createdAt", o.createdAt().toString());
        out.put("totalPriceSet", Map.of("shopMoney", Map.of("amount", o.amount().toPlainString(),
                "currencyCode", o.currency())));
        out.put("customer", Map.of("id", "gid://shopify/Customer/" + o.customer()));
        return out;
    }

    @Override
    public void close() {
        api.close();
    }
}
