package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.receiver.HandlerAcknowledgements.Answer;
import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.verify.WebhookVerifier;
import dev.inlet.webhooks.verify.internal.RequestBodies;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a {@link WebhookReceiver} that decides one running delivery: size check,
 * verification, a deduplication claim, a queue slot, then either the durable inbox and the queue
 * (200 at once, {@link Acknowledgement#ON_RECEIPT}) or the handler's acknowledgement
 * ({@link Acknowledgement#AFTER_HANDLER}). Whatever is not handed on (slot, claim) is returned here.
 */
final class Acceptance {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final DeduplicationStore deduplication;
    private final Duration deduplicationTtl;
    private final DurableInbox inbox;
    private final Dispatcher dispatcher;
    private final HandlerAcknowledgements acknowledgements;
    private final Duration retryAfter;
    private final Clock clock;
    private final int capacity;

    /** The inbox is null when there is none; the acknowledgements are null with {@link Acknowledgement#ON_RECEIPT}. */
    Acceptance(DeduplicationStore deduplication, Duration deduplicationTtl, DurableInbox inbox, Dispatcher dispatcher,
            HandlerAcknowledgements acknowledgements, Duration retryAfter, Clock clock, int capacity) {
        this.deduplication = deduplication;
        this.deduplicationTtl = deduplicationTtl;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.acknowledgements = acknowledgements;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Verifies, deduplicates and queues one delivery for an endpoint (the receiver holds its state lock shared). */
    CompletableFuture<Answer> accept(String path, WebhookEndpoint endpoint, WebhookRequest request) {
        WebhookVerifier verifier = endpoint.verifier();
        if (request.bodyLength() > verifier.maxBodyBytes()) {
            return Answer.now(WebhookResponse.tooLarge(request.bodyLength(), verifier.maxBodyBytes()));
        }
        VerificationResult result = verifier.verify(request);
        if (!result.isValid()) {
            LOG.debug("Rejected delivery to {}: {}", path, result);
            return Answer.now(WebhookResponse.rejected(result));
        }
        Optional<String> id = verifier.eventId(request);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(deduplicationTtl);
        String key = id.map(value -> InboxRecords.dedupKey(path, value)).orElse(null);
        if (key != null) {
            switch (deduplication.claim(key, now, expiresAt)) {
                case SEEN -> {
                    return Answer.now(WebhookResponse.duplicate("event " + id.get() + " was already accepted"));
                }
                case IN_PROGRESS -> {
                    return Answer.now(WebhookResponse.retryLater(503, 1, "event " + id.get()
                            + " is being accepted right now"));
                }
                default -> { }
            }
        }
        boolean accepted = false;
        boolean reserved = false;
        try {
            if (!dispatcher.tryReserve()) {
                return Answer.now(WebhookResponse.retryLater(503, retryAfter.toSeconds(), "queue full (" + capacity + ")"));
            }
            reserved = true;
            WebhookEvent event = new WebhookEvent(path, id.orElse(null), () -> verifier.eventType(request),
                    result.keyId().orElse(null), request.headers(), RequestBodies.access().rawBody(request), now, -1);
            if (acknowledgements != null) {
                accepted = true;
                // The slot and the claim now belong to the acknowledgement, which returns both.
                return acknowledgements.run(event, endpoint.asyncHandler(), key, expiresAt);
            }
            if (inbox != null) {
                event = inbox.append(event, expiresAt);
            }
            if (key != null) {
                deduplication.confirm(key, expiresAt);
            }
            dispatcher.submit(event, endpoint.handler());
            accepted = true;
            return Answer.now(WebhookResponse.of(200, "accepted"));
        } catch (IOException journalFailure) {
            LOG.error("Durable inbox write failed for a delivery to {}; answering 500 so the sender retries", path,
                    journalFailure);
            return Answer.now(WebhookResponse.of(500, "could not store the event; retry later"));
        } finally {
            if (!accepted) {
                if (reserved) {
                    dispatcher.unreserve();
                }
                if (key != null) {
                    deduplication.release(key);
                }
            }
        }
    }
}
