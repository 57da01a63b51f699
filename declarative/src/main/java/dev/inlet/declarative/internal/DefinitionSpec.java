package dev.inlet.declarative.internal;

import java.util.List;
import java.util.Map;

/**
 * <b>Internal.</b> A whole definition as read and checked: everything the public {@code Definition} shows
 * and {@code bind} maps onto connectors. Immutable.
 *
 * @param file the file name
 * @param name the service's name
 * @param description what it is, or null
 * @param baseUrl the base URL (placeholders allowed)
 * @param inputs the declared inputs
 * @param auth the authentication, or null
 * @param rateLimit the rate limit, or null
 * @param retry the retry overrides, or null
 * @param streams the streams, in file order
 * @param metrics the metrics, in file order
 * @param webhooks the webhooks section, or null
 */
public record DefinitionSpec(String file, String name, String description, Template baseUrl,
        Map<String, InputSpec> inputs, AuthSpec auth, RateLimitSpec rateLimit, RetrySpec retry,
        Map<String, StreamSpec> streams, List<MetricSpec> metrics, WebhooksSpec webhooks) {
}
