package dev.inlet.declarative.internal;

import dev.inlet.core.Connector;
import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.GraphQlOperation;
import dev.inlet.graphql.relay.RelayConnector;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal.</b> Maps a GraphQL stream onto the graphql module: a {@link GraphQlClient} at the base
 * URL plus the stream's path, with the definition's credentials, rate limiter and retry policy, and a
 * {@link RelayConnector} over the stream's operation ({@code first} = the page size, {@code after} = the
 * cursor), its connection path and validation.
 */
final class GraphQlStreams {

    private static final java.util.concurrent.ConcurrentMap<String, CostThrottle> COST_THROTTLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private GraphQlStreams() {
    }

    static Connector<JsonNode> connector(ConnectorFactory factory, StreamSpec stream, Resolver resolver) {
        BindSettings settings = factory.settings();
        GraphQlClient.Builder client = GraphQlClient.builder(factory.baseUrl() + stream.path().resolve(resolver));
        if (settings.pipeline() != null) {
            client.pipeline(settings.pipeline());
        }
        if (factory.credentials() != null) {
            client.credentials(factory.credentials());
        }
        if (factory.rateLimiter() != null) {
            client.rateLimiter(factory.rateLimiter());
        }
        if (factory.spec().retry() != null) {
            client.retryPolicy(factory.spec().retry().policy());
        }
        if (settings.listener() != null) {
            client.listener(settings.listener());
        }
        if (stream.graphql().costThrottle()) {
            // One throttle per origin and definition: every stream of the shop shares its cost bucket.
            client.costThrottle(COST_THROTTLES.computeIfAbsent(factory.spec().name() + ":" + factory.baseUrl(),
                    name -> CostThrottle.builder().name(name).build()));
        }
        for (Map.Entry<String, Template> h : stream.headers().entrySet()) {
            client.header(h.getKey(), h.getValue().resolve(resolver));
        }
        GraphQlSpec graphql = stream.graphql();
        GraphQlOperation.Builder operation = GraphQlOperation.builder(graphql.query())
                .variable("first", graphql.pageSize());
        for (Map.Entry<String, Template> v : graphql.variables().entrySet()) {
            operation.variable(v.getKey(), v.getValue().resolve(resolver));
        }
        RelayConnector.Builder builder = RelayConnector.builder(factory.connectorName(stream))
                .client(client.build())
                .operation(operation.build())
                .connection(graphql.connection());
        factory.applyCommon(builder, stream);
        return builder.build();
    }
}
