package dev.inlet.webhooks.receiver;

/**
 * When a {@link WebhookReceiver} answers a delivery 2xx: once it is accepted (the default), or only
 * once its handler has finished. Set with {@link WebhookReceiver.Builder#acknowledge(Acknowledgement)}.
 */
public enum Acknowledgement {

    /**
     * The default: 2xx as soon as the delivery is verified, deduplicated, queued (and journaled, with
     * a durable inbox); the handler runs afterwards, with {@link HandlerRetry} retries and a
     * {@link DeadLetterSink}. The sender's job ends at the 2xx, so the receiver owns the event.
     */
    ON_RECEIPT,

    /**
     * 2xx only once the handler has completed (for an {@link AsyncWebhookHandler}, once its stage
     * completed normally); 503 with {@code Retry-After} when the handler fails, does not complete
     * within {@link WebhookReceiver.Builder#handlerTimeout(java.time.Duration)}, or the receiver stops
     * first. The sender's redelivery is the retry: the handler runs once per delivery (no
     * {@link HandlerRetry}, no dead letters) and a durable inbox is refused. An event id is remembered
     * as a duplicate only once its handler succeeded, so a redelivery after a 503 is handled again and
     * a redelivery after a late success is answered 200 without a second handling.
     */
    AFTER_HANDLER
}
