package dev.inlet.webhooks.routing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;

/**
 * Ready-made handlers that turn events into the two things a data pipeline does with them: refresh
 * a connector, or record a data point.
 *
 * <pre>{@code
 * WebhookHandler h = EventActions.refresh(scheduler::runNow, "orders", "order.created", "order.*");
 * WebhookHandler m = EventActions.dataPoint(e -> e.json().path("amount").decimalValue(), revenue::add);
 * }</pre>
 */
public final class EventActions {

    private EventActions() {
    }

    /**
     * A handler that refreshes {@code connectorName} when an event's type matches one of
     * {@code eventTypes} (exact, or a prefix ending in {@code *} such as {@code order.*}); with no
     * types, every event triggers it. Other events are ignored.
     */
    public static WebhookHandler refresh(RefreshTrigger trigger, String connectorName, String... eventTypes) {
        if (trigger == null || connectorName == null || connectorName.isBlank()) {
            throw new WebhookConfigException("EventActions.refresh: trigger and connector name are required",
                    "e.g. refresh(scheduler::runNow, \"orders\", \"order.created\")");
        }
        List<String> types = List.of(eventTypes);
        return event -> {
            if (types.isEmpty() || event.type().map(t -> matches(types, t)).orElse(false)) {
                trigger.refresh(connectorName);
            }
        };
    }

    /**
     * A handler that computes a value from each event and hands it to {@code sink}; a {@code null}
     * value means "nothing to record" and is skipped.
     */
    public static <T> WebhookHandler dataPoint(Function<WebhookEvent, ? extends T> toValue, Consumer<? super T> sink) {
        if (toValue == null || sink == null) {
            throw new WebhookConfigException("EventActions.dataPoint: function and sink are required",
                    "e.g. dataPoint(e -> e.json().path(\"amount\").decimalValue(), metrics::record)");
        }
        return event -> {
            T value = toValue.apply(event);
            if (value != null) {
                sink.accept(value);
            }
        };
    }

    private static boolean matches(List<String> patterns, String type) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
