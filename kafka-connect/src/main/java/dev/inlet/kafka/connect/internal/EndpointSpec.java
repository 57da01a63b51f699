package dev.inlet.kafka.connect.internal;

import dev.inlet.webhooks.verify.WebhookVerifier;
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

    /** The source partition of this endpoint's records. */
    public Map<String, String> partition(String connector) {
        return Map.of("connector", connector, "webhook", path);
    }
}
