package dev.inlet.kafka.connect;

import java.util.List;

/**
 * What a Kafka Connect source connector runs: for a tenant, the streams to read, each an Inlet
 * {@link dev.inlet.core.Connector} with its rate-limit key. Named in the connector's configuration
 * by {@code inlet.factory.class}; the class needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class ShopFactory implements InletConnectorFactory {
 *     public List<StreamSource> streams(Tenant tenant) {
 *         String shop = tenant.requireInput("domain");
 *         Connector<JsonNode> orders = RestConnector.builder("orders")  // an Inlet connector
 *                 ...credentials(Credentials.bearer(tenant.requireSecret("token")))...build();
 *         return List.of(StreamSource.builder("orders", orders).rateLimitKey(shop).build());
 *     }
 * }
 * }</pre>
 *
 * <p>The Connect connector calls {@link #streams(Tenant)} when it plans tasks (to learn the streams
 * and their rate-limit keys) and each task calls it again for its tenants, so it must be cheap (no
 * requests) and give the same streams and keys for the same tenant every time. Implementations must
 * be thread-safe.
 */
@FunctionalInterface
public interface InletConnectorFactory {

    /**
     * The streams to read for a tenant, with distinct names.
     *
     * @throws IllegalArgumentException if the tenant's inputs do not fit (say which and what to set)
     */
    List<StreamSource> streams(Tenant tenant);
}
