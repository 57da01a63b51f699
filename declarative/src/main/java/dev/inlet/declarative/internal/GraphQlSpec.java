package dev.inlet.declarative.internal;

import java.util.Map;

/**
 * <b>Internal.</b> A GraphQL stream's operation ({@code graphql:}), mapped onto the graphql module's
 * {@code RelayConnector}: the query document, the Relay connection's path in {@code data}, the page
 * size variable, and other variables. The endpoint is the base URL plus the stream's {@code path}.
 * Immutable.
 *
 * @param query the GraphQL document
 * @param connection the connection's path, e.g. {@code orders} or {@code repository.issues}
 * @param pageSize the value of the {@code first} variable
 * @param variables other variables (placeholders allowed)
 * @param costThrottle whether requests are paced by the query cost the server reports (Shopify style)
 * @param node where it was written
 */
public record GraphQlSpec(String query, String connection, int pageSize, Map<String, Template> variables,
        boolean costThrottle, Node node) {

    static GraphQlSpec read(Node node) {
        Section s = Section.of(node, "graphql", "query", "connection", "page_size", "variables",
                "cost_throttle");
        String query = s.word("query");
        String connection = s.word("connection");
        if (!connection.matches("[_A-Za-z][_0-9A-Za-z]*(\\.[_A-Za-z][_0-9A-Za-z]*)*")) {
            throw Errors.at(s.get("connection"), "`" + connection + "` is not a path of GraphQL fields",
                    "field names separated by dots, e.g. orders or repository.issues");
        }
        long pageSize = s.integer("page_size", 50);
        if (pageSize < 1 || pageSize > 10_000) {
            throw Errors.at(s.get("page_size"), "page size " + pageSize + " is out of range", "1 to 10000");
        }
        return new GraphQlSpec(query, connection, (int) pageSize, StreamSpec.map(s.get("variables"), "variables"),
                s.bool("cost_throttle", false), node);
    }
}
