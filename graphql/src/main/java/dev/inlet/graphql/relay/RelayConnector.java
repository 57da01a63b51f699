package dev.inlet.graphql.relay;

import dev.inlet.graphql.ErrorPolicy;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.GraphQlPath;
import dev.inlet.core.Connector;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.PageSource;
import dev.inlet.core.SourceConnectorBuilder;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.graphql.error.GraphQlException;
import dev.inlet.graphql.error.GraphQlValidationException;

/**
 * Connectors for Relay connections: a GraphQL query, the path of its connection and the name of
 * its cursor variable become a {@link Connector} whose {@code records()} pages lazily through the
 * connection — with the same loop guard, resumable {@link dev.inlet.core.Position} (its token is the
 * end cursor), validation and run reports as REST connectors.
 *
 * <p>Everything paging needs is checked when the connector is built, before any request: the
 * operation is a query, declares the cursor variable, selects the records ({@code edges { node }}
 * or {@code nodes}) and {@code pageInfo { hasNextPage endCursor }} under the connection, and fits the
 * client's schema if it has one.
 *
 * <pre>{@code
 * Connector<Order> orders = RelayConnector.builder("orders")
 *         .client(client)
 *         .operation(GraphQlOperation.builder("""
 *                 query Orders($first: Int!, $after: String) {
 *                   orders(first: $first, after: $after) {
 *                     edges { node { id totalPrice } }
 *                     pageInfo { hasNextPage endCursor }
 *                   }
 *                 }""").variable("first", 50).build())
 *         .connection("orders")
 *         .build(Order.class);
 * try (Stream<Order> stream = orders.records()) {
 *     stream.forEach(this::store);
 * }
 * }</pre>
 */
public final class RelayConnector {

    private RelayConnector() {
    }

    /** A builder for a connector with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds a Relay {@link Connector}. Not thread-safe; the connector it builds is.
     *
     * <p>Defaults: the cursor variable is {@code after}; records stay {@link JsonNode}; the
     * client's error policy (so with {@link ErrorPolicy#FAIL_ON_ERRORS} any error stops the run,
     * resumably); and the {@link Connector.Builder} defaults for validation (none), invalid records
     * ({@link InvalidRecordPolicy#FAIL}), quarantine, listener and clock. Client, operation and
     * connection path are required.
     */
    public static final class Builder extends SourceConnectorBuilder<Builder> {
        private GraphQlClient client;
        private GraphQlOperation operation;
        private GraphQlPath connection;
        private String cursorVariable = "after";

        private Builder(String name) {
            super(name);
        }

        /** The client that sends the pages (endpoint, pipeline, error policy, schema, cost throttle). Required. */
        public Builder client(GraphQlClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The query that reads one page; its cursor variable is set per page. Required. */
        public Builder operation(GraphQlOperation operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
            return this;
        }

        /**
         * Where the connection is in {@code data}, as a {@link GraphQlPath}: {@code orders}, or
         * {@code viewer.repositories}. Required.
         */
        public Builder connection(String path) {
            GraphQlPath parsed = GraphQlPath.parse(Objects.requireNonNull(path, "path"));
            if (!parsed.isDefinite() || parsed.isRoot()) {
                throw new IllegalArgumentException("the connection path must name one connection, got \"" + path
                        + "\"");
            }
            this.connection = parsed;
            return this;
        }

        /** The variable that carries the cursor ({@code $after} by default). */
        public Builder cursorVariable(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the cursor variable needs a non-blank name");
            }
            this.cursorVariable = name.startsWith("$") ? name.substring(1) : name;
            return this;
        }

        /**
         * The pure page step for engines that drive paging themselves (raw records, no validation).
         *
         * @throws GraphQlException if the operation cannot page the connection (see the class doc)
         * @throws GraphQlValidationException if the operation does not fit the client's schema
         */
        @Override
        public PageSource source() {
            if (client == null || operation == null || connection == null) {
                throw new IllegalStateException("Relay connector '" + name() + "' needs "
                        + (client == null ? "a client(...)" : operation == null ? "an operation(...)"
                                : "a connection(...) path"));
            }
            if (operation.isMutation()) {
                throw new GraphQlException("Relay connector '" + name() + "': operation " + operation.displayName()
                        + " is a mutation; paging repeats it once per page", "Page with a query");
            }
            if (!operation.declaredVariables().contains(cursorVariable)) {
                throw new GraphQlException("Relay connector '" + name() + "': operation " + operation.displayName()
                        + " does not declare the cursor variable $" + cursorVariable,
                        "Declare it (e.g. $" + cursorVariable + ": String) and pass it to the connection's "
                                + "after argument, or name the variable with cursorVariable(...)");
            }
            RelayShape shape = RelayShape.of(operation, connection, name());
            client.schema().ifPresent(schema -> schema.validate(operation));
            GraphQlClient effective = listener().map(l -> client.toBuilder().listener(l).build()).orElse(client);
            return new RelaySource(name(), effective, operation, shape, cursorVariable);
        }

        @Override
        protected JsonMapper recordMapper() {
            if (client == null) {
                throw new IllegalStateException("Relay connector '" + name() + "' needs a client(...)");
            }
            return client.mapper();
        }
    }
}
