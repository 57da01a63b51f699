package dev.inlet.webhooks.receiver;

/**
 * Receives events whose handler failed on every attempt (or failed with an error that retrying
 * cannot fix, such as a body that is not JSON). After the sink returns the event counts as
 * processed; a sink that throws is logged and the event still counts as processed, so a sink should
 * store durably (a table, a queue, a file) before returning.
 */
@FunctionalInterface
public interface DeadLetterSink {

    /**
     * Takes one event.
     *
     * @param event the event
     * @param lastFailure what the handler threw the last time
     * @param attempts how many times the handler was called
     */
    void accept(WebhookEvent event, Throwable lastFailure, int attempts);

    /** The default sink: logs the event's endpoint, id, type and the failure (never the body) at ERROR. */
    static DeadLetterSink logging() {
        return LoggingDeadLetterSink.INSTANCE;
    }
}
