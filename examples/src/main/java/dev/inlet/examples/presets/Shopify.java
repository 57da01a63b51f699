package dev.inlet.examples.presets;

import dev.inlet.core.Connector;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.http.Origin;
import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.relay.RelayConnector;
import java.math.BigDecimal;

/**
 * Shopify's Admin GraphQL API, from its public documentation: {@code POST
 * https://{shop}.myshopify.com/admin/api/{version}/graphql.json} with the
 * {@code X-Shopify-Access-Token} header, Relay connections ({@code edges { node }},
 * {@code pageInfo { hasNextPage endCursor }}), and a leaky bucket of query cost (1,000 points,
 * 50 restored per second on standard plans) reported in {@code extensions.cost}. The preset paces
 * itself by that cost, so it sees no THROTTLED errors. Copy and adapt.
 */
public final class Shopify {

    /** The Admin API version the preset speaks. */
    public static final String VERSION = "2025-01";

    /** The orders query, 50 a page (cost about 52 points). */
    public static final String ORDERS = """
            query Orders($first: Int!, $after: String) {
              orders(first: $first, after: $after) {
                edges { node { id name createdAt totalPriceSet { shopMoney { amount currencyCode } } customer { id } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    private Shopify() {
    }

    /**
     * An order as the preset maps it.
     *
     * @param id the order's global id
     * @param name the order's name ({@code #1001})
     * @param createdAt ISO-8601 creation time
     * @param totalPriceSet the total, in the shop's currency
     * @param customer the customer, or null
     */
    public record Order(String id, String name, String createdAt, MoneyBag totalPriceSet, Ref customer) {
    }

    /**
     * Shopify's money in the shop's currency.
     *
     * @param shopMoney the amount and currency
     */
    public record MoneyBag(Money shopMoney) {
    }

    /**
     * An amount (a decimal string in Shopify's API, exact here) and its currency.
     *
     * @param amount the amount
     * @param currencyCode the ISO currency code
     */
    public record Money(BigDecimal amount, String currencyCode) {
    }

    /**
     * A reference to another object.
     *
     * @param id its global id
     */
    public record Ref(String id) {
    }

    /** The Admin GraphQL endpoint of a shop, e.g. {@code https://my-shop.myshopify.com}. */
    public static String endpoint(String shopBaseUrl) {
        return shopBaseUrl + "/admin/api/" + VERSION + "/graphql.json";
    }

    /** Every order of the shop, paced by query cost. */
    public static Connector<Order> orders(String shopBaseUrl, Secret accessToken) {
        return ordersConnector(shopBaseUrl, accessToken).build(Order.class);
    }

    /** The orders connector's builder, to add validation, a listener or another record type. */
    public static RelayConnector.Builder ordersConnector(String shopBaseUrl, Secret accessToken) {
        GraphQlClient client = GraphQlClient.builder(endpoint(shopBaseUrl))
                .credentials(Credentials.apiKeyHeader(Origin.of(shopBaseUrl), "X-Shopify-Access-Token", accessToken))
                .costThrottle(CostThrottle.builder().name(Origin.of(shopBaseUrl).host()).build())
                .build();
        return RelayConnector.builder("shopify-orders")
                .client(client)
                .operation(GraphQlOperation.builder(ORDERS).variable("first", 50).build())
                .connection("orders");
    }
}
