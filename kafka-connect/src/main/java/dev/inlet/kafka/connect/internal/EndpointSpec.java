package dev.inlet.kafka.connect.internal;

import dev.inlet.webhooks.verify.WebhookVerifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * <b>Internal</b>: one webhook endpoint of the connector: its path, the topic its deliveries go to,
 * its verifier (scheme and secret) and, for schemes that sign the URL, the public URL. Its source
 * partition is {@code {connector, webhook: path}}. The verifier's {@code toString} never shows the
 * secret.
 *
 * @param name the endpoint's name in {@code inlet.webhook.endpoints} ({@code default} for the single-endpoint keys)
 * @param path the request path
 * @param topic the topic
 * @param verifier the verifier
 * @param publicUrl the URL the vendor calls, if set
 */
public record EndpointSpec(String name, String path, String topic, WebhookVerifier verifier, Optional<String> publicUrl) {

    /**
     * The source partition of this endpoint's records. A {@link HashMap}, as Connect's converter
     * reads it back: the offset store looks partitions up by their serialized bytes, and
     * {@code Map.of} iterates in an order salted per JVM, so a restarted task would not find its offset.
     */
    public Map<String, String> partition(String connector) {
        Map<String, String> partition = new HashMap<>();
        partition.put("connector", connector);
        partition.put("webhook", path);
        return partition;
    }
}
