package dev.inlet.webhooks.routing;

import dev.inlet.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;

/**
 * A {@link WebhookHandler} that routes events by type: each type to a raw handler or to a typed one
 * that receives the event's <em>payload</em> mapped to the caller's class. Types nobody registered go
 * to the fallback, which by default ignores them: providers add event types, and an unknown one must
 * not fail the delivery. Immutable and thread-safe.
 *
 * <p>The payload is the object the event is about, where the provider puts it inside its envelope.
 * {@link #builder(SignatureScheme)} knows the vendors' places: Stripe {@code /data/object} (the
 * invoice of {@code invoice.paid}), Standard Webhooks {@code /data}, Slack {@code /event}; GitHub,
 * Shopify, HubSpot and custom schemes the whole body. {@link #builder()} maps the whole body unless
 * {@link Builder#payloadAt(String)} says otherwise. The whole event stays available to every handler
 * as the {@link WebhookEvent} ({@code event.json()}, {@code event.as(...)}).
 *
 * <pre>{@code
 * WebhookHandler handler = EventRouter.builder(SignatureScheme.stripe())   // payloads at /data/object
 *         .on("invoice.paid", Invoice.class, (invoice, event) -> billing.paid(invoice))
 *         .on("customer.deleted", event -> crm.forget(event.json().at("/data/object/id").asString()))
 *         .build();
 * }</pre>
 */
public final class EventRouter implements WebhookHandler {

    /**
     * Handles the body of one event type mapped to {@code T}.
     *
     * @param <T> the caller's type
     */
    @FunctionalInterface
    public interface TypedHandler<T> {
        /**
         * Handles one event.
         *
         * @param value the event's payload mapped to {@code T}
         * @param event the event (id, headers, raw body)
         * @throws Exception to have the event retried or dead-lettered
         */
        void handle(T value, WebhookEvent event) throws Exception;
    }

    private final Map<String, WebhookHandler> routes;
    private final WebhookHandler fallback;

    private EventRouter(Builder b) {
        this.routes = Map.copyOf(b.routes);
        this.fallback = b.fallback;
    }

    /** A builder whose typed handlers get the whole body, unless {@link Builder#payloadAt(String)} says otherwise. */
    public static Builder builder() {
        return new Builder(EventPayloads.WHOLE_BODY);
    }

    /**
     * A builder whose typed handlers get the payload where {@code scheme}'s provider puts it: Stripe
     * {@code /data/object}, Standard Webhooks {@code /data}, Slack {@code /event}, the others the whole
     * body. Pass the scheme of the endpoint's verifier.
     */
    public static Builder builder(SignatureScheme scheme) {
        return new Builder(EventPayloads.defaultFor(scheme));
    }

    /** Sends the event to the handler of its type, or to the fallback when it has no (known) type. */
    @Override
    public void handle(WebhookEvent event) throws Exception {
        WebhookHandler route = event.type().map(routes::get).orElse(null);
        (route == null ? fallback : route).handle(event);
    }

    @Override
    public String toString() {
        return "EventRouter" + routes.keySet();
    }

    /** Builds an {@link EventRouter}; not thread-safe. */
    public static final class Builder {
        private final Map<String, WebhookHandler> routes = new LinkedHashMap<>();
        private WebhookHandler fallback = event -> { };
        private ObjectMapper mapper = Json.mapper();
        private String payloadPointer;

        private Builder(String payloadPointer) {
            this.payloadPointer = payloadPointer;
        }

        /** The mapper for typed handlers registered after this call; default Inlet's {@code Json.mapper()}. */
        public Builder mapper(ObjectMapper mapper) {
            if (mapper == null) {
                throw new WebhookConfigException("EventRouter: mapper is null", "pass a JsonMapper");
            }
            this.mapper = mapper;
            return this;
        }

        /**
         * Where typed handlers registered after this call find their payload: a JSON Pointer into the
         * body, such as {@code /data/object}, or {@code ""} for the whole body. Default: the vendor's
         * place with {@link EventRouter#builder(SignatureScheme)}, the whole body with
         * {@link EventRouter#builder()}. An event with nothing at the pointer fails its handler with a
         * {@link dev.inlet.core.error.DecodingException} naming the pointer (dead-lettered, not retried).
         */
        public Builder payloadAt(String jsonPointer) {
            this.payloadPointer = EventPayloads.checked(jsonPointer);
            return this;
        }

        /** Routes events of {@code type} to a handler of the raw event. */
        public Builder on(String type, WebhookHandler handler) {
            if (type == null || type.isEmpty() || handler == null) {
                throw new WebhookConfigException("EventRouter.on: type and handler are required", "e.g. on(\"invoice.paid\", h)");
            }
            if (routes.putIfAbsent(type, handler) != null) {
                throw new WebhookConfigException("EventRouter: type '" + type + "' is routed twice", "route each type once");
            }
            return this;
        }

        /**
         * Routes events of {@code type} to a handler of the payload (see {@link #payloadAt(String)})
         * mapped to {@code javaType}; the handler gets the whole event too.
         */
        public <T> Builder on(String type, Class<T> javaType, TypedHandler<? super T> handler) {
            if (javaType == null || handler == null) {
                throw new WebhookConfigException("EventRouter.on: class and handler are required",
                        "e.g. on(\"invoice.paid\", Invoice.class, (invoice, event) -> ...)");
            }
            ObjectMapper m = mapper;
            String pointer = payloadPointer;
            return on(type, event -> handler.handle(EventPayloads.read(event, pointer, javaType, m), event));
        }

        /** What unrouted and untyped events go to; default: ignored. */
        public Builder otherwise(WebhookHandler fallback) {
            if (fallback == null) {
                throw new WebhookConfigException("EventRouter.otherwise: handler is null", "pass event -> { }");
            }
            this.fallback = fallback;
            return this;
        }

        /** The router. */
        public EventRouter build() {
            return new EventRouter(this);
        }
    }
}
