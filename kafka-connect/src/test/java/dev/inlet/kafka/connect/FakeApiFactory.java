package dev.inlet.kafka.connect;

import dev.inlet.core.Connector;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A test factory reading a {@code FakeApi} with Inlet's REST connector, as a user's factory would.
 * Tenant inputs: {@code url} and {@code path} (the fake's), {@code key} (rate-limit key),
 * {@code rate} (requests per second under the key, shared through {@link RateLimiters#global()}),
 * {@code pageSize} (default 25).
 */
public final class FakeApiFactory implements InletConnectorFactory {

    @Override
    public List<StreamSource> streams(Tenant tenant) {
        String key = tenant.requireInput("key");
        int pageSize = Integer.parseInt(tenant.input("pageSize").orElse("25"));
        RestConnector.Builder builder = RestConnector.builder("items")
                .baseUrl(tenant.requireInput("url")).path(tenant.requireInput("path")).records("/data")
                .paginator(Paginators.offset("offset", "limit", pageSize))
                .retryPolicy(RetryPolicy.builder().maxAttempts(5)
                        .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).build());
        tenant.input("rate").ifPresent(rate -> builder.rateLimiter(
                RateLimiters.global().shared(key, RateLimit.perSecond(Long.parseLong(rate)))));
        Connector<JsonNode> items = builder.build();
        return List.of(StreamSource.builder("items", items).rateLimitKey(key).keyPointer("/id").build());
    }
}
