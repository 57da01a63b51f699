package dev.inlet.webhooks.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of {@link Acknowledgement#AFTER_HANDLER} deliveries: each is a future completed by its
 * handler's stage (200), its failure, its timeout or the receiver's stop (503). Nothing waits on a
 * thread: the handler runs on a worker, which is free as soon as the handler returned its stage, and
 * the timeout is the JDK's shared delayer. The queue slot is held until the answer is decided; the
 * deduplication claim until the handler is done, so that a redelivery meanwhile gets 503
 * ({@code in_progress}) and one after a late success is a duplicate.
 */
final class HandlerAcknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    /** An answer and its listener reason code (null: derived from the response). */
    record Answer(WebhookResponse response, String reason) {
        static CompletableFuture<Answer> now(WebhookResponse response) {
            return CompletableFuture.completedFuture(new Answer(response, null));
        }
    }

    private final Dispatcher dispatcher;
    private final DeduplicationStore deduplication;
    private final DeliveryReports reports;
    private final Duration timeout;
    private final long retryAfterSeconds;
    private final Clock clock;
    private final int capacity;
    private final Set<CompletableFuture<Answer>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    HandlerAcknowledgements(Dispatcher dispatcher, DeduplicationStore deduplication, DeliveryReports reports,
            Duration timeout, Duration retryAfter, Clock clock, int capacity) {
        this.dispatcher = dispatcher;
        this.deduplication = deduplication;
        this.reports = reports;
        this.timeout = timeout;
        this.retryAfterSeconds = retryAfter.toSeconds();
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * Runs the handler of an event whose queue slot is reserved and whose key (if any) is claimed;
     * both are returned here, whatever happens.
     *
     * @param key the claimed deduplication key, or null when the scheme has no event id
     */
    CompletableFuture<Answer> run(WebhookEvent event, AsyncWebhookHandler handler, String key, Instant expiresAt) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        open.add(answer);
        // The caller gets the answer once the slot is back, so that its queue depth counts it out.
        CompletableFuture<Answer> released = answer.whenComplete((a, t) -> {
            open.remove(answer);
            dispatcher.unreserve();
        });
        answer.completeOnTimeout(new Answer(WebhookResponse.retryLater(503, retryAfterSeconds,
                "the handler did not finish within " + timeout), "handler_timeout"), timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            dispatcher.execute(() -> start(event, handler, key, expiresAt, answer));
        } catch (RejectedExecutionException draining) {
            if (key != null) {
                deduplication.release(key);
            }
            answer.complete(stoppedAnswer());
        }
        if (stopped) {
            // The receiver stopped between the check and the registration: nobody else will answer it.
            answer.complete(stoppedAnswer());
        }
        return released;
    }

    private void start(WebhookEvent event, AsyncWebhookHandler handler, String key, Instant expiresAt,
            CompletableFuture<Answer> answer) {
        long start = System.nanoTime();
        CompletionStage<?> stage;
        try {
            stage = handler.handle(event);
        } catch (Exception | LinkageError failure) {
            stage = CompletableFuture.failedFuture(failure);
        }
        if (stage == null) {
            stage = CompletableFuture.completedFuture(null);
        }
        stage.whenComplete((ignored, failure) -> settle(event, key, expiresAt, answer, failure, start));
    }

    private void settle(WebhookEvent event, String key, Instant expiresAt, CompletableFuture<Answer> answer,
            Throwable failure, long startNanos) {
        if (failure == null) {
            if (key != null) {
                deduplication.confirm(key, expiresAt);
            }
            reports.handled(event, false, 1, Duration.ofNanos(System.nanoTime() - startNanos), clock.instant(),
                    dispatcher.inFlight(capacity));
            answer.complete(new Answer(WebhookResponse.of(200, "handled"), "accepted"));
            return;
        }
        if (key != null) {
            deduplication.release(key);
        }
        LOG.debug("Handler failed on {}; answering 503 so that the sender delivers it again", event, failure);
        answer.complete(new Answer(WebhookResponse.retryLater(503, retryAfterSeconds,
                "the handler failed; deliver again later"), "handler_failed"));
    }

    private Answer stoppedAnswer() {
        return new Answer(WebhookResponse.retryLater(503, retryAfterSeconds, "receiver is stopping"), "not_running");
    }

    /** The receiver stops: every delivery still waiting for its handler is answered 503 now. */
    void stop() {
        stopped = true;
        for (CompletableFuture<Answer> waiting : List.copyOf(open)) {
            waiting.complete(stoppedAnswer());
        }
    }

    /** Whether {@link #stop()} was called. */
    boolean isStopped() {
        return stopped;
    }

    /** Deliveries waiting for their handler. */
    int waiting() {
        return open.size();
    }
}
