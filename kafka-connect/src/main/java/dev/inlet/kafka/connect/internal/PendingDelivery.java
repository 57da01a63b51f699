package dev.inlet.kafka.connect.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * <b>Internal</b>: one verified webhook delivery whose HTTP answer waits for its record's commit to
 * Kafka. The HTTP thread {@link #await}s; the task completes it ({@link #committed()} or
 * {@link #failed()}). Thread-safe.
 */
public final class PendingDelivery {

    private final String id;
    private final String type;
    private final byte[] body;
    private final Instant receivedAt;
    private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

    /**
     * A delivery.
     *
     * @param id the vendor's event id, or null
     * @param type the event type, or null
     * @param body the raw body (owned by this delivery)
     * @param receivedAt when it was received
     */
    public PendingDelivery(String id, String type, byte[] body, Instant receivedAt) {
        this.id = id;
        this.type = type;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    /** The vendor's event id, if the scheme has one. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The event type, if the scheme has one. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** The raw body. */
    public byte[] body() {
        return body;
    }

    /** When it was received. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Its record is in Kafka: the sender gets 2xx (if still waiting). */
    public void committed() {
        outcome.complete(Boolean.TRUE);
    }

    /** Its record was not written (or the task stops): the sender gets 503 (if still waiting). */
    public void failed() {
        outcome.complete(Boolean.FALSE);
    }

    /**
     * Waits for the outcome.
     *
     * @return true when committed within the timeout; false when it failed, timed out or the wait was
     *     interrupted (then a later commit no longer answers anyone)
     */
    public boolean await(Duration timeout) {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            failed();
            return outcome.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed();
            return outcome.join();
        }
    }

    /** The id and type, never the body. */
    @Override
    public String toString() {
        return "delivery[" + (id == null ? "no id" : id) + (type == null ? "" : ", " + type) + "]";
    }
}
