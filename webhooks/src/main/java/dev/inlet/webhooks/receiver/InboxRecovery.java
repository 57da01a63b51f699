package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link WebhookReceiver} does with its {@link DurableInbox} around the handlers: at start,
 * the ids it holds become duplicates and the events accepted but not handled before the last stop
 * or crash are queued again; after a handler, the event is marked done.
 */
final class InboxRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private InboxRecovery() {
    }

    /** Preloads {@code deduplication} and queues every recovered event (waiting for queue room). */
    static void requeue(DurableInbox inbox, Map<String, WebhookEndpoint> endpoints, DeduplicationStore deduplication,
            Dispatcher dispatcher) {
        inbox.liveKeys().forEach(deduplication::confirm);
        for (WebhookEvent event : inbox.takeRecovered()) {
            WebhookEndpoint endpoint = endpoints.get(event.endpoint());
            if (endpoint == null) {
                LOG.warn("Recovered {} has no endpoint any more; it stays in the inbox", event);
                continue;
            }
            try {
                dispatcher.reserve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookConfigException("WebhookReceiver.start was interrupted during recovery",
                        "recovered events not yet queued are delivered on the next start", e);
            }
            dispatcher.submit(event, endpoint.handler());
        }
    }

    /** Marks a handled event done; an event that never was in the inbox (or no inbox) is left alone. */
    static void markDone(DurableInbox inbox, WebhookEvent event) {
        if (inbox == null || event.sequence < 0) {
            return;
        }
        try {
            inbox.markDone(event);
        } catch (IOException e) {
            // Not fatal: the event is delivered again after a restart, and deduplication sees it.
            LOG.error("Could not mark {} done in the durable inbox; it will be delivered again after a restart",
                    event, e);
        }
    }
}
