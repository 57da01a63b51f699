package dev.inlet.webhooks.receiver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Observes what a {@link WebhookReceiver} does, so a host can count and time both halves of a
 * delivery: how it was answered (accepted, a duplicate, refused and why, throttled) and how its
 * handler ran (how long, how late, dead-lettered or not), with the queue's depth after each.
 *
 * <p>Every method has an empty default. Methods are called on the thread doing the work (a server
 * worker for {@link #deliveryAnswered}, a handler worker for {@link #eventHandled}; with
 * {@link Acknowledgement#AFTER_HANDLER}, whichever thread completes the handler's stage, or the JDK's
 * delay scheduler on a timeout) and must be quick
 * and thread-safe; an exception thrown by a listener is logged and otherwise ignored. Events carry
 * no body, no signature and no other header than the W3C trace context.
 */
public interface WebhookListener {

    /** A delivery was answered. Every delivery to {@link WebhookReceiver#handle} is reported once. */
    default void deliveryAnswered(Delivery event) {
    }

    /**
     * An accepted event's handler finished: it succeeded, or the event went to the dead-letter sink.
     * With {@link Acknowledgement#AFTER_HANDLER} only successes are reported here (a failure is a
     * {@code handler_failed} answer: the sender delivers the event again).
     */
    default void eventHandled(Handled event) {
    }

    /** A listener that ignores everything. */
    static WebhookListener none() {
        return NoWebhookListener.INSTANCE;
    }

    /** How a delivery was answered. */
    enum Outcome {
        /** Verified, stored and queued: 200 (with {@link Acknowledgement#AFTER_HANDLER}: and handled). */
        ACCEPTED,
        /** An event already accepted: 200, not handled again. */
        DUPLICATE,
        /** Refused for good: verification failed, too large, or no endpoint at the path (4xx). */
        REFUSED,
        /**
         * Not accepted now, the sender should retry: the queue is full, the event is being accepted, or
         * the receiver is not running (503); with {@link Acknowledgement#AFTER_HANDLER} also when the
         * handler failed or did not finish in time.
         */
        THROTTLED,
        /** The receiver could not store the event (500): the durable inbox failed. */
        FAILED
    }

    /**
     * A delivery and its answer.
     *
     * @param endpoint the endpoint's path, or {@code ""} when no endpoint is at the request's path (the
     *     path is the sender's, so it is not repeated here)
     * @param method the request's HTTP method
     * @param outcome how it was answered
     * @param reason a short stable code: {@code accepted}, {@code duplicate}, a {@link dev.inlet.webhooks.verify.FailureReason}
     *     name or {@code UNKNOWN_ENDPOINT} / {@code BAD_URL} when refused, {@code queue_full} /
     *     {@code in_progress} / {@code not_running} / {@code handler_failed} / {@code handler_timeout}
     *     when throttled, {@code inbox_write} when failed
     * @param status the HTTP status answered
     * @param traceContext the request's W3C trace context headers ({@code traceparent},
     *     {@code tracestate}) when present, by lower-case name; nothing else of the request
     * @param receivedAt when the receiver got it
     * @param elapsed how long answering took
     * @param queueDepth accepted events waiting for or running in a handler after this answer
     */
    record Delivery(String endpoint, String method, Outcome outcome, String reason, int status, Map<String, String> traceContext,
            Instant receivedAt, Duration elapsed, int queueDepth) {

        /** Checks and copies the parts. */
        public Delivery {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            traceContext = Map.copyOf(traceContext);
        }
    }

    /**
     * A handler's run over one accepted event, retries included.
     *
     * @param endpoint the endpoint's path
     * @param eventType the provider's event type, if the scheme carries one
     * @param deadLettered whether every attempt failed and the event went to the dead-letter sink
     * @param attempts how many times the handler ran
     * @param handlerTime time spent in the handler, over all attempts (waits between retries excluded)
     * @param lag from receiving the delivery to the handler finishing: what a consumer of the events
     *     is behind
     * @param queueDepth accepted events waiting for or running in a handler, this one included
     * @param traceContext the delivery's W3C trace context headers, as in {@link Delivery}
     * @param receivedAt when the delivery was received
     */
    record Handled(String endpoint, Optional<String> eventType, boolean deadLettered, int attempts,
            Duration handlerTime, Duration lag, int queueDepth, Map<String, String> traceContext,
            Instant receivedAt) {

        /** Checks and copies the parts. */
        public Handled {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(eventType, "eventType");
            traceContext = Map.copyOf(traceContext);
        }
    }
}
