package dev.inlet.webhooks.receiver;

/**
 * Processes an accepted event, on one of the receiver's worker threads, after the sender already
 * got its 2xx. Throwing makes the receiver retry with backoff ({@link HandlerRetry}) and finally
 * hand the event to the {@link DeadLetterSink}. Handlers may be called concurrently for different
 * events, and again for the same event after a crash (at-least-once), so they should be idempotent
 * by {@link WebhookEvent#id()}.
 */
@FunctionalInterface
public interface WebhookHandler {

    /**
     * Handles one event.
     *
     * @throws Exception to have the event retried or dead-lettered
     */
    void handle(WebhookEvent event) throws Exception;
}
