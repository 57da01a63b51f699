package dev.inlet.declarative;

import dev.inlet.declarative.internal.WebhooksSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The webhooks section of a {@link Definition}: where deliveries arrive, how they are signed, and which
 * stream each event type refreshes. {@link BoundDefinition#webhookEndpoint} maps it onto the webhooks
 * module. Immutable.
 */
public final class WebhookDefinition {

    private final WebhooksSpec spec;

    WebhookDefinition(WebhooksSpec spec) {
        this.spec = spec;
    }

    /** The request path, e.g. {@code /webhooks/stripe}. */
    public String path() {
        return spec.path();
    }

    /** The signature scheme ({@code stripe}, {@code github}, {@code standard_webhooks}, …). */
    public String scheme() {
        return spec.scheme();
    }

    /** The secret's reference as written (e.g. {@code ${env:STRIPE_WEBHOOK_SECRET}}), never its value. */
    public String secretReference() {
        return spec.secret().reference();
    }

    /** How old a signed timestamp may be. */
    public Duration tolerance() {
        return spec.tolerance();
    }

    /** Event type ({@code *} for any other) to the stream it refreshes; empty for an ignored type. */
    public Map<String, Optional<String>> events() {
        Map<String, Optional<String>> events = new LinkedHashMap<>();
        spec.events().forEach((type, action) -> events.put(type, Optional.ofNullable(action.refresh())));
        return java.util.Collections.unmodifiableMap(events);
    }

    @Override
    public String toString() {
        return "Webhooks[" + scheme() + " at " + path() + "]";
    }
}
