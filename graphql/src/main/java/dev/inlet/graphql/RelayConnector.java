package dev.inlet.graphql;

import dev.inlet.core.Connector;
import dev.inlet.core.InletListener;
import dev.inlet.core.InvalidRecordPolicy;
import dev.inlet.core.PageSource;
import dev.inlet.core.QuarantineSink;
import dev.inlet.core.RecordMapper;
import dev.inlet.core.RecordValidator;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

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
    public static final class Builder {
        private final String name;
        private GraphQlClient client;
        private GraphQlOperation operation;
        private GraphQlPath connection;
        private String cursorVariable = "after";
        private RecordValidator validator;
        private InvalidRecordPolicy onInvalid;
        private QuarantineSink quarantine;
        private InletListener listener;
        private Clock clock;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a connector needs a non-blank name");
            }
            this.name = name;
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

        /** Checks every record (see {@code dev.inlet.core.validation}). */
        public Builder validator(RecordValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** What to do with invalid records. */
        public Builder onInvalid(InvalidRecordPolicy policy) {
            this.onInvalid = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where quarantined records go. */
        public Builder quarantine(QuarantineSink sink) {
            this.quarantine = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Observes requests, retries, cost waits, pages and runs of this connector. */
        public Builder listener(InletListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock for run reports. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The pure page step for engines that drive paging themselves (raw records, no validation).
         *
         * @throws GraphQlException if the operation cannot page the connection (see the class doc)
         * @throws GraphQlValidationException if the operation does not fit the client's schema
         */
        public PageSource source() {
            if (client == null || operation == null || connection == null) {
                throw new IllegalStateException("Relay connector '" + name + "' needs "
                        + (client == null ? "a client(...)" : operation == null ? "an operation(...)"
                                : "a connection(...) path"));
            }
            if (operation.isMutation()) {
                throw new GraphQlException("Relay connector '" + name + "': operation " + operation.displayName()
                        + " is a mutation; paging repeats it once per page", "Page with a query");
            }
            if (!operation.declaredVariables().contains(cursorVariable)) {
                throw new GraphQlException("Relay connector '" + name + "': operation " + operation.displayName()
                        + " does not declare the cursor variable $" + cursorVariable,
                        "Declare it (e.g. $" + cursorVariable + ": String) and pass it to the connection's "
                                + "after argument, or name the variable with cursorVariable(...)");
            }
            RelayShape shape = RelayShape.of(operation, connection, name);
            client.check(operation);
            GraphQlClient effective = listener == null ? client : client.withListener(listener);
            return new RelaySource(name, effective, operation, shape, cursorVariable);
        }

        /** The connector, with records as {@link JsonNode}. */
        public Connector<JsonNode> build() {
            return connectorBuilder().build();
        }

        /** The connector, with records mapped to the type (unknown fields ignored, exact decimals). */
        public <T> Connector<T> build(Class<T> type) {
            Connector.Builder<JsonNode> builder = connectorBuilder();
            return builder.mapper(RecordMapper.to(type, client.mapper())).build();
        }

        /** The connector, with records mapped by the mapper. */
        public <T> Connector<T> build(RecordMapper<T> recordMapper) {
            return connectorBuilder().mapper(recordMapper).build();
        }

        private Connector.Builder<JsonNode> connectorBuilder() {
            Connector.Builder<JsonNode> builder = Connector.builder(name, source());
            if (validator != null) {
                builder.validator(validator);
            }
            if (onInvalid != null) {
                builder.onInvalid(onInvalid);
            }
            if (quarantine != null) {
                builder.quarantine(quarantine);
            }
            if (listener != null) {
                builder.listener(listener);
            }
            if (clock != null) {
                builder.clock(clock);
            }
            return builder;
        }
    }
}
