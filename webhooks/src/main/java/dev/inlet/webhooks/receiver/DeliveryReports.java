package dev.inlet.webhooks.receiver;

import dev.inlet.core.Headers;
import dev.inlet.webhooks.verify.FailureReason;
import dev.inlet.webhooks.verify.WebhookRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a receiver's answers and handler runs into {@link WebhookListener} events, isolating the listener. */
final class DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);
    private static final String[] TRACE_HEADERS = {"traceparent", "tracestate"};

    private final WebhookListener listener;

    DeliveryReports(WebhookListener listener) {
        this.listener = listener;
    }

    /**
     * Reports an answer.
     *
     * @param endpoint the endpoint's path, or {@code ""} for an unknown path
     * @param knownReason the reason code when the receiver knows it (answers decided by a handler), or
     *     null to derive it from the response
     * @param running whether the receiver was running (a 503 otherwise says it is not)
     */
    void answered(String endpoint, WebhookRequest request, WebhookResponse response, String knownReason,
            boolean running, Instant receivedAt, long startNanos, int queueDepth) {
        if (listener == NoWebhookListener.INSTANCE) {
            return;
        }
        WebhookListener.Outcome outcome;
        String reason;
        Optional<FailureReason> why = response.reason();
        if (why.isPresent() && why.get() == FailureReason.DUPLICATE_DELIVERY) {
            outcome = WebhookListener.Outcome.DUPLICATE;
            reason = "duplicate";
        } else if (response.isSuccess()) {
            outcome = WebhookListener.Outcome.ACCEPTED;
            reason = "accepted";
        } else if (why.isPresent()) {
            outcome = WebhookListener.Outcome.REFUSED;
            reason = why.get().name();
        } else if (response.status() == 503) {
            outcome = WebhookListener.Outcome.THROTTLED;
            // The receiver's 503s: not running, its queue full, or the same event id being accepted;
            // with AFTER_HANDLER also the handler's failure or timeout (known, passed in).
            reason = knownReason != null ? knownReason : !running ? "not_running"
                    : response.body().startsWith("queue full") ? "queue_full" : "in_progress";
        } else if (response.status() == 404) {
            outcome = WebhookListener.Outcome.REFUSED;
            reason = "UNKNOWN_ENDPOINT";
        } else if (response.status() == 400) {
            outcome = WebhookListener.Outcome.REFUSED;
            reason = "BAD_URL";
        } else {
            outcome = WebhookListener.Outcome.FAILED;
            reason = "inbox_write";
        }
        WebhookListener.Delivery event = new WebhookListener.Delivery(endpoint, request.method(), outcome, reason, response.status(),
                traceContext(request.headers()), receivedAt, Duration.ofNanos(System.nanoTime() - startNanos),
                queueDepth);
        safely(() -> listener.deliveryAnswered(event));
    }

    /** Reports a handler's run over an event. */
    void handled(WebhookEvent event, boolean deadLettered, int attempts, Duration handlerTime, Instant now,
            int queueDepth) {
        if (listener == NoWebhookListener.INSTANCE) {
            return;
        }
        Duration lag = Duration.between(event.receivedAt(), now);
        WebhookListener.Handled handled = new WebhookListener.Handled(event.endpoint(), event.type(), deadLettered,
                attempts, handlerTime, lag.isNegative() ? Duration.ZERO : lag, queueDepth,
                traceContext(event.headers()), event.receivedAt());
        safely(() -> listener.eventHandled(handled));
    }

    static Map<String, String> traceContext(Headers headers) {
        Map<String, String> found = new HashMap<>(2);
        for (String name : TRACE_HEADERS) {
            headers.first(name).ifPresent(value -> found.put(name, value));
        }
        return found;
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("A WebhookListener failed; the receiver goes on", e);
        }
    }
}
