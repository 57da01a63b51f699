package dev.inlet.webhooks.receiver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeadLetterSink#logging()}. */
final class LoggingDeadLetterSink implements DeadLetterSink {

    static final LoggingDeadLetterSink INSTANCE = new LoggingDeadLetterSink();
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSink.class);

    private LoggingDeadLetterSink() {
    }

    @Override
    public void accept(WebhookEvent event, Throwable lastFailure, int attempts) {
        LOG.error("Dead-lettered {} after {} attempt(s)", event, attempts, lastFailure);
    }

    @Override
    public String toString() {
        return "DeadLetterSink.logging()";
    }
}
