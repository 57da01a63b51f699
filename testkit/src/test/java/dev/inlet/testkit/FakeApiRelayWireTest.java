package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fake's Relay connection on the wire: Shopify's cost extensions and throttling. inlet-graphql's
 * RelayConnector reading it through faults and pacing by its cost is inlet-graphql's FakeApiRelayTest.
 */
class FakeApiRelayWireTest {

    @Test
    void theCostExtensionsAreShopifys() throws Exception {
        try (FakeApi api = FakeApi.builder().path("/graphql").paging(Paging.relay("orders")).start()) {
            JsonNode body = RecordSet.JSON.readTree(Http.postJson(api, "/graphql",
                    "{\"query\":\"{ orders }\",\"variables\":{\"first\":20}}").body());
            assertThat(body.at("/data/orders/edges").size()).isEqualTo(20);
            assertThat(body.at("/data/orders/pageInfo/hasNextPage").asBoolean()).isTrue();
            assertThat(body.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(22);
            assertThat(body.at("/extensions/cost/throttleStatus/maximumAvailable").asDouble()).isEqualTo(1000.0);
        }
    }

    @Test
    void aQueryCostingMoreThanTheBucketHoldsIsThrottledAsShopifyDoes() throws Exception {
        try (FakeApi api = FakeApi.builder().path("/graphql").paging(Paging.relay("orders"))
                .graphQlCostLimit(50, 1).start()) {
            String query = "{\"query\":\"{ orders }\",\"variables\":{\"first\":20}}";
            JsonNode first = RecordSet.JSON.readTree(Http.postJson(api, "/graphql", query).body());
            assertThat(first.at("/extensions/cost/throttleStatus/currentlyAvailable").asDouble()).isBetween(28.0, 29.0);
            Http.postJson(api, "/graphql", query);
            JsonNode third = RecordSet.JSON.readTree(Http.postJson(api, "/graphql", query).body());
            assertThat(third.at("/errors/0/extensions/code").asString()).isEqualTo("THROTTLED");
            assertThat(third.at("/data").isMissingNode()).isTrue();
        }
    }

    @Test
    void aGetIsNotTheGraphQlResource() throws Exception {
        try (FakeApi api = FakeApi.builder().path("/graphql").paging(Paging.relay("orders")).start()) {
            assertThat(Http.get(api, "/graphql?first=5").statusCode()).isEqualTo(404);
        }
    }
}
