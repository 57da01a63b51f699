package dev.inlet.webhooks.receiver;

import dev.inlet.core.error.DecodingException;
import dev.inlet.core.Headers;
import dev.inlet.core.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A verified, accepted delivery, as handed to a {@link WebhookHandler}: the endpoint it came to,
 * the provider's event id and type when the scheme carries them, the key that verified it, the
 * headers and the raw body. The body can be read as a {@link JsonNode} or mapped to a type.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows ids and sizes, never the body.
 */
public final class WebhookEvent {

    private final String endpoint;
    private final String id;
    private volatile String type;
    /**
     * Reads the type from the body on first use, so the acknowledgement does not wait for a second
     * parse of the body (Stripe puts {@code type} last). Races are benign: both readers get the same.
     */
    private volatile Supplier<Optional<String>> typeReader;
    private final String keyId;
    private final Headers headers;
    private final byte[] body;
    private final Instant receivedAt;
    final long sequence;
    private volatile JsonNode tree;

    WebhookEvent(String endpoint, String id, String type, String keyId, Headers headers, byte[] body,
            Instant receivedAt, long sequence) {
        this.endpoint = endpoint;
        this.id = id;
        this.type = type;
        this.keyId = keyId;
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
        this.sequence = sequence;
    }

    WebhookEvent(String endpoint, String id, Supplier<Optional<String>> typeReader, String keyId,
            Headers headers, byte[] body, Instant receivedAt, long sequence) {
        this(endpoint, id, (String) null, keyId, headers, body, receivedAt, sequence);
        this.typeReader = typeReader;
    }

    WebhookEvent withSequence(long newSequence) {
        return new WebhookEvent(endpoint, id, type().orElse(null), keyId, headers, body, receivedAt, newSequence);
    }

    /** The endpoint path that received it, such as {@code /hooks/stripe}. */
    public String endpoint() {
        return endpoint;
    }

    /** The provider's event or delivery id, if the scheme carries one. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The provider's event type, such as {@code invoice.paid}, if present. */
    public Optional<String> type() {
        Supplier<Optional<String>> reader = typeReader;
        if (reader != null) {
            type = reader.get().orElse(null);
            typeReader = null;
        }
        return Optional.ofNullable(type);
    }

    /** The id of the keyring entry that verified it. */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    /** The request headers. */
    public Headers headers() {
        return headers;
    }

    /** When the receiver accepted it. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    /** A read-only view of the raw body. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    byte[] rawBody() {
        return body;
    }

    /**
     * The body as a JSON tree, parsed once.
     *
     * @throws DecodingException if the body is not JSON; handlers let it propagate and the event
     *     goes to the dead-letter sink without retries
     */
    public JsonNode json() {
        JsonNode parsed = tree;
        if (parsed == null) {
            try {
                parsed = Json.mapper().readTree(body);
            } catch (JacksonException e) {
                throw malformed(e);
            }
            tree = parsed;
        }
        return parsed;
    }

    /** The body mapped to {@code type} with Inlet's default mapper; see {@link #as(Class, ObjectMapper)}. */
    public <T> T as(Class<T> type) {
        return as(type, Json.mapper());
    }

    /**
     * The body mapped to {@code type}.
     *
     * @throws DecodingException if the body is not JSON or does not fit the type
     */
    public <T> T as(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.readValue(body, type);
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    private DecodingException malformed(JacksonException e) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        String excerpt = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
        return new DecodingException("webhook event " + describe() + " has a body that is not the expected JSON: "
                + e.getOriginalMessage(), offset, excerpt, "the sender's payload changed or is not JSON", e);
    }

    private String describe() {
        return (id == null ? "(no id)" : "'" + id + "'") + " at " + endpoint;
    }

    /** Endpoint, id, type, key and body size. */
    @Override
    public String toString() {
        return "WebhookEvent[" + endpoint + ", id=" + id + ", type=" + type + ", key=" + keyId + ", body="
                + body.length + " bytes]";
    }
}
