package dev.inlet.graphql;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test API: a Relay connection of orders, executed by graphql-java. Order {@code n} has id
 * {@code gid://test/Order/n}; its {@code risk} field fails for the numbers in {@code failingRisk}
 * (a nullable field: only it becomes null) and its {@code riskScore} fails for those in
 * {@code failingScore} (non-null: the whole node becomes null). {@code broken} always fails and,
 * being a non-null root field, nulls all of {@code data}.
 */
final class OrdersSchema {

    static final String SDL = """
            type Query {
              orders(first: Int!, after: String): OrderConnection!
              order(number: Int!): Order
              broken: Int!
            }
            type Mutation {
              tagOrder(number: Int!, tag: String!): Order
            }
            type OrderConnection {
              edges: [OrderEdge!]!
              nodes: [Order]!
              pageInfo: PageInfo!
            }
            type OrderEdge {
              cursor: String!
              node: Order
            }
            type Order {
              id: ID!
              number: Int!
              totalPrice: String!
              note: String
              risk: String
              riskScore: Int!
            }
            type PageInfo {
              hasNextPage: Boolean!
              hasPreviousPage: Boolean!
              startCursor: String
              endCursor: String
            }
            """;

    private OrdersSchema() {
    }

    static GraphQL graphQL(int total, Set<Integer> failingRisk, Set<Integer> failingScore) {
        DataFetcher<Object> orders = env -> {
            int first = env.getArgument("first");
            String after = env.getArgument("after");
            int start = after == null ? 0 : decode(after) + 1;
            int end = Math.min(total, start + first);
            List<Map<String, Object>> edges = new ArrayList<>();
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (int n = start; n < end; n++) {
                Map<String, Object> edge = new HashMap<>();
                edge.put("cursor", cursor(n));
                edge.put("node", order(n));
                edges.add(edge);
                nodes.add(order(n));
            }
            Map<String, Object> pageInfo = new HashMap<>();
            pageInfo.put("hasNextPage", end < total);
            pageInfo.put("hasPreviousPage", start > 0);
            pageInfo.put("startCursor", end > start ? cursor(start) : null);
            pageInfo.put("endCursor", end > start ? cursor(end - 1) : null);
            Map<String, Object> connection = new HashMap<>();
            connection.put("edges", edges);
            connection.put("nodes", nodes);
            connection.put("pageInfo", pageInfo);
            return connection;
        };
        DataFetcher<Object> risk = env -> {
            Map<String, Object> order = env.getSource();
            if (failingRisk.contains((Integer) order.get("number"))) {
                throw new IllegalStateException("risk service unavailable");
            }
            return "LOW";
        };
        DataFetcher<Object> riskScore = env -> {
            Map<String, Object> order = env.getSource();
            if (failingScore.contains((Integer) order.get("number"))) {
                throw new IllegalStateException("score service unavailable");
            }
            return 7;
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", q -> q.dataFetcher("orders", orders)
                        .dataFetcher("order", env -> order(env.<Integer>getArgument("number")))
                        .dataFetcher("broken", env -> {
                            throw new IllegalStateException("broken beyond repair");
                        }))
                .type("Mutation", m -> m.dataFetcher("tagOrder", env -> order(env.<Integer>getArgument("number"))))
                .type("Order", o -> o.dataFetcher("risk", risk).dataFetcher("riskScore", riskScore))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).build();
    }

    static Map<String, Object> order(int n) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "gid://test/Order/" + n);
        order.put("number", n);
        order.put("totalPrice", n + ".50");
        order.put("note", null);
        return order;
    }

    static String cursor(int n) {
        return Base64.getEncoder().encodeToString(("order:" + n).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(text.substring("order:".length()));
    }
}
