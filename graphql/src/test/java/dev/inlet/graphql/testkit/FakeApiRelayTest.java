package dev.inlet.graphql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.relay.RelayConnector;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fake as a GraphQL Relay connection with cost extensions, read by inlet-graphql's RelayConnector. */
class FakeApiRelayTest {

    @Test
    void aRelayConnectionThroughFaultsArrivesWhole() {
        try (FakeApi api = FakeApi.builder().path("/graphql").paging(Paging.relay("orders"))
                .records(RecordSet.generate(45)).faults(FaultPlan.builder().every(3, Fault.status(502)).build())
                .start()) {
            GraphQlClient client = GraphQlClient.builder(api.baseUrl() + "/graphql")
                    .costThrottle(CostThrottle.builder().name("fake").build())
                    .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build())
                    .build();
            Connector<JsonNode> orders = RelayConnector.builder("orders").client(client)
                    .operation(GraphQlOperation.builder("""
                            query Orders($first: Int!, $after: String) {
                              orders(first: $first, after: $after) {
                                edges { node { id name } }
                                pageInfo { hasNextPage endCursor }
                              }
                            }""").variable("first", 10).build())
                    .connection("orders").build();
            List<String> ids;
            try (Stream<JsonNode> records = orders.records()) {
                ids = records.map(r -> r.get("id").asString()).toList();
            }
            assertThat(ids).containsExactlyElementsOf(api.records().ids());
            assertThat(api.requests()).allMatch(r -> r.method().equals("POST")).anyMatch(r -> r.status() == 502);
            api.assertNoUnmatchedRequests();
        }
    }

    @Test
    void inletsCostThrottlePacesAThrottlingConnectionAndLosesNothing() {
        try (FakeApi api = FakeApi.builder().path("/graphql").paging(Paging.relay("orders"))
                .records(RecordSet.generate(60)).graphQlCostLimit(30, 400).start()) {
            GraphQlClient client = GraphQlClient.builder(api.baseUrl() + "/graphql")
                    .costThrottle(CostThrottle.builder().name("fake-bucket").build()).build();
            Connector<JsonNode> orders = RelayConnector.builder("orders").client(client)
                    .operation(GraphQlOperation.builder("""
                            query Orders($first: Int!, $after: String) {
                              orders(first: $first, after: $after) {
                                edges { node { id } }
                                pageInfo { hasNextPage endCursor }
                              }
                            }""").variable("first", 10).build())
                    .connection("orders").build();
            try (Stream<JsonNode> records = orders.records()) {
                assertThat(records.map(r -> r.get("id").asString()).toList()).containsExactlyElementsOf(api.records().ids());
            }
        }
    }
}
