package dev.inlet.testkit;

import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One webhook delivery to send with a {@link WebhookSender}: the raw body, the event id and type
 * (put in the headers where the vendor puts them) and any extra headers. Immutable.
 */
public final class Delivery {

    private final byte[] body;
    private final String id;
    private final String type;
    private final Headers headers;

    private Delivery(byte[] body, String id, String type, Headers headers) {
        this.body = body;
        this.id = id;
        this.type = type;
        this.headers = headers;
    }

    /** A JSON body (UTF-8); no id (the sender assigns {@code msg_<n>}), no type, no extra headers. */
    public static Delivery json(String body) {
        if (body == null) {
            throw new FakeApiConfigException("Delivery.json: the body is null", "pass the JSON text to send");
        }
        return new Delivery(body.getBytes(StandardCharsets.UTF_8), null, null,
                Headers.of("Content-Type", "application/json"));
    }

    /**
     * The event id: {@code webhook-id} (Standard Webhooks), {@code X-GitHub-Delivery} (GitHub),
     * {@code X-Shopify-Webhook-Id} (Shopify). Stripe and Slack carry theirs in the body.
     */
    public Delivery withId(String id) {
        return new Delivery(body, id, type, headers);
    }

    /** The event type for vendors that send it as a header: {@code X-GitHub-Event}, {@code X-Shopify-Topic}. */
    public Delivery withType(String type) {
        return new Delivery(body, id, type, headers);
    }

    /** An extra header. */
    public Delivery withHeader(String name, String value) {
        return new Delivery(body, id, type, headers.with(name, value));
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** The event id, if set. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The event type, if set. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The extra headers. */
    public Headers headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "Delivery{id=" + id + ", type=" + type + ", " + body.length + " bytes}";
    }
}
