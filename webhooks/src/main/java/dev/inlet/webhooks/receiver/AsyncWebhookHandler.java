package dev.inlet.webhooks.receiver;

import java.util.concurrent.CompletionStage;

/**
 * A handler that finishes later: it starts the work on a receiver worker and returns a stage that
 * completes when the event is done (say, when a record holding it is committed somewhere), so the
 * worker is free meanwhile. Set with {@link WebhookEndpoint.Builder#asyncHandler(AsyncWebhookHandler)}.
 *
 * <p>With {@link Acknowledgement#AFTER_HANDLER} the sender's answer waits for the stage without a
 * thread: 2xx when it completes normally, 503 when it completes exceptionally or not in time. With
 * {@link Acknowledgement#ON_RECEIPT} a worker waits for the stage, and a failed stage is retried like
 * a throwing {@link WebhookHandler}. The stage should complete eventually, exceptionally if need be.
 */
@FunctionalInterface
public interface AsyncWebhookHandler {

    /**
     * Starts handling one event.
     *
     * @return a stage completing when the event is handled; completing exceptionally (or throwing
     *     here) means it was not
     * @throws Exception when the event cannot even be started
     */
    CompletionStage<?> handle(WebhookEvent event) throws Exception;
}
