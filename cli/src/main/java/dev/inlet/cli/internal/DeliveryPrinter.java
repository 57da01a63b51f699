package dev.inlet.cli.internal;

import dev.inlet.core.Json;
import dev.inlet.declarative.WebhookDefinition;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;
import dev.inlet.webhooks.receiver.WebhookListener;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints what {@code webhooks serve} receives. A verified, accepted delivery is one JSON object a line on
 * stdout: {@code endpoint}, {@code id}, {@code type}, {@code received_at}, {@code refresh} (the stream its
 * event type refreshes per the definition, or null) and {@code payload} (the body as JSON, or as text when
 * it is not JSON). A delivery that is refused, throttled or failed is one line on stderr with its reason
 * and status; a duplicate too (it is not printed again). Neither ever shows a signature or a header.
 */
final class DeliveryPrinter implements WebhookHandler, WebhookListener {

    private final Map<String, Optional<String>> events;
    private final Context context;

    DeliveryPrinter(WebhookDefinition hooks, Context context) {
        this.events = hooks.events();
        this.context = context;
    }

    @Override
    public void handle(WebhookEvent event) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("endpoint", event.endpoint());
        line.put("id", event.id().orElse(null));
        line.put("type", event.type().orElse(null));
        line.put("received_at", event.receivedAt().toString());
        line.put("refresh", refresh(event.type()).orElse(null));
        try {
            line.set("payload", event.json());
        } catch (JacksonException | dev.inlet.core.error.InletException notJson) {
            line.put("payload", event.bodyAsString());
        }
        synchronized (context.out) {
            context.out.println(line.toString());
            context.out.flush();
        }
    }

    private Optional<String> refresh(Optional<String> type) {
        Optional<String> stream = type.map(events::get).orElse(null);
        return stream != null ? stream : events.getOrDefault("*", Optional.empty());
    }

    @Override
    public void deliveryAnswered(Delivery d) {
        if (d.outcome() == Outcome.ACCEPTED) {
            return;
        }
        String what = switch (d.outcome()) {
            case DUPLICATE -> "duplicate (already printed)";
            case REFUSED -> "refused";
            case THROTTLED -> "throttled";
            default -> "failed";
        };
        context.err.println("inlet: " + what + " " + d.method() + " " + (d.endpoint().isEmpty() ? "(no endpoint)"
                : d.endpoint()) + ": " + d.reason() + " (" + d.status() + ")");
    }
}
