package dev.inlet.kafka.connect.internal;

import dev.inlet.webhooks.receiver.WebhookEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * <b>Internal</b>: one verified webhook delivery whose HTTP answer waits for its record's commit to
 * Kafka. The receiver holds the answer on {@link #outcome()} (no thread waits); the task settles it
 * ({@link #committed()} or {@link #failed(String)}). Thread-safe.
 *
 * @param endpoint the endpoint it came to
 * @param event the verified event
 * @param outcome completes normally once the record is committed, exceptionally if it will not be
 */
public record PendingDelivery(EndpointSpec endpoint, WebhookEvent event, CompletableFuture<Void> outcome) {

    /** A delivery not yet settled. */
    public PendingDelivery(EndpointSpec endpoint, WebhookEvent event) {
        this(endpoint, event, new CompletableFuture<>());
    }

    /** The stage the receiver answers on. */
    public CompletionStage<Void> answer() {
        return outcome;
    }

    /** Its record is in Kafka: the sender gets 2xx (if still waiting) and the id counts as handled. */
    public void committed() {
        outcome.complete(null);
    }

    /** Its record was not written (or the task stops): the sender gets 503 (if still waiting). */
    public void failed(String why) {
        outcome.completeExceptionally(new ConnectException("webhook delivery not committed: " + why));
    }

    /** The endpoint and event id, never the body. */
    @Override
    public String toString() {
        return "delivery[" + endpoint.path() + ", " + event.id().orElse("no id") + "]";
    }
}
