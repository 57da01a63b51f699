package dev.inlet.cli.internal;

import dev.inlet.core.Json;
import dev.inlet.declarative.WebhookDefinition;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;
import dev.inlet.webhooks.receiver.WebhookListener;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
    private final Consumer<ObjectNode> destination;
    private final Consumer<String> refresh;

    /** Prints deliveries on stdout. */
    DeliveryPrinter(WebhookDefinition hooks, Context context) {
        this(hooks, context, null);
    }

    /** Hands deliveries to {@code destination} (a table) instead of stdout; null for stdout. */
    DeliveryPrinter(WebhookDefinition hooks, Context context, Consumer<ObjectNode> destination) {
        this(hooks, context, destination, null);
    }

    /**
     * As above, and once a delivery is written, hands the stream its event type refreshes to {@code refresh}
     * (null: refreshes are only named in the line).
     */
    DeliveryPrinter(WebhookDefinition hooks, Context context, Consumer<ObjectNode> destination,
            Consumer<String> refresh) {
        this.refresh = refresh;
        this.events = hooks.events();
        this.context = context;
        this.destination = destination != null ? destination : line -> {
            synchronized (context.out) {
                context.out.println(line.toString());
                context.out.flush();
            }
        };
    }

    @Override
    public void handle(WebhookEvent event) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("endpoint", event.endpoint());
        line.put("id", event.id().orElse(null));
        line.put("type", event.type().orElse(null));
        line.put("received_at", event.receivedAt().toString());
        Optional<String> stream = refresh(event.type());
        line.put("refresh", stream.orElse(null));
        try {
            line.set("payload", event.json());
        } catch (JacksonException | dev.inlet.core.error.InletException notJson) {
            line.put("payload", event.bodyAsString());
        }
        destination.accept(line);
        if (refresh != null) {
            // After the row is written: a delivery that failed to be stored asks for nothing (it is retried).
            stream.ifPresent(refresh);
        }
    }

    private Optional<String> refresh(Optional<String> type) {
        Optional<String> stream = type.map(events::get).orElse(null);
        return stream != null ? stream : events.getOrDefault("*", Optional.empty());
    }

    @Override
    public void eventHandled(Handled h) {
        if (h.deadLettered()) {
            context.err.println("inlet: a delivery to " + h.endpoint() + h.eventType().map(t -> " (" + t + ")").orElse("")
                    + " could not be written after " + h.attempts() + " attempts and was dropped (see the log line "
                    + "before; the sender was already answered 200)");
        }
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
