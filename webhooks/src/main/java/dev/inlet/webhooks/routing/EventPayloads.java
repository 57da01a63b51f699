package dev.inlet.webhooks.routing;

import dev.inlet.core.error.DecodingException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.receiver.WebhookEvent;

/**
 * Where a provider puts the object an event is about, inside its event envelope, and how a typed
 * handler's value is read from there. Stripe wraps the invoice of an {@code invoice.paid} event in
 * {@code {"id":"evt_…","type":…,"data":{"object":{…}}}}: mapping the whole body to an
 * {@code Invoice} would silently give the event's id and nulls.
 */
final class EventPayloads {

    /** The whole body. */
    static final String WHOLE_BODY = "";

    /**
     * Vendor defaults, from each provider's payload documentation: Stripe's event object
     * ({@code data.object}), Standard Webhooks' {@code data}, Slack Events API's {@code event}.
     * GitHub, Shopify, HubSpot (an array of events) and custom schemes: the whole body.
     */
    private static final Map<SignatureScheme, String> DEFAULTS = Map.of(
            SignatureScheme.stripe(), "/data/object",
            SignatureScheme.standardWebhooks(), "/data",
            SignatureScheme.slack(), "/event");

    private EventPayloads() {
    }

    /** The documented default payload location of the scheme's events. */
    static String defaultFor(SignatureScheme scheme) {
        if (scheme == null) {
            throw new WebhookConfigException("EventRouter.builder: the scheme is null",
                    "pass the scheme of the endpoint's verifier, e.g. SignatureScheme.stripe()");
        }
        return DEFAULTS.getOrDefault(scheme, WHOLE_BODY);
    }

    /** {@code pointer} if it is a valid JSON Pointer (RFC 6901); {@code ""} is the whole body. */
    static String checked(String pointer) {
        if (pointer == null) {
            throw new WebhookConfigException("EventRouter.payloadAt: the pointer is null",
                    "pass \"\" for the whole body, or a JSON Pointer such as \"/data/object\"");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new WebhookConfigException("EventRouter.payloadAt: '" + pointer + "' is not a JSON Pointer",
                    "a pointer is \"\" or starts with '/', such as \"/data/object\"");
        }
        return pointer;
    }

    /**
     * The value at {@code pointer} in the event's body, mapped to {@code type}.
     *
     * @throws DecodingException if the body is not JSON, has nothing at the pointer, or the value does
     *     not fit the type; the receiver sends it to the dead-letter sink without retries
     */
    static <T> T read(WebhookEvent event, String pointer, Class<T> type, ObjectMapper mapper) {
        if (pointer.isEmpty()) {
            return event.as(type, mapper);
        }
        JsonNode node = event.json().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new DecodingException("webhook event " + describe(event) + " has no payload at " + pointer,
                    -1, "", "the event is not the shape this route expects; route it with a raw handler "
                    + "(on(type, event -> ...)) or set payloadAt(...) to where its object is", null, false);
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new DecodingException("webhook event " + describe(event) + ": the payload at " + pointer
                    + " does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), -1, "",
                    "the sender's payload changed, or the class does not match the event type", e, false);
        }
    }

    private static String describe(WebhookEvent event) {
        return event.id().map(id -> "'" + id + "'").orElse("(no id)") + " at " + event.endpoint()
                + event.type().map(t -> " (type " + t + ")").orElse("");
    }
}
