package dev.inlet.webhooks.receiver;

import java.time.Instant;

/**
 * Remembers which event ids were accepted, so a redelivery of the same event is answered 2xx
 * without reaching the handler again. Pluggable (a Redis {@code SET NX PX} or a database table fits
 * the contract); {@link InMemoryDeduplicationStore} is the default. Implementations must be
 * thread-safe.
 *
 * <p>A delivery first <em>claims</em> its key; the claim is confirmed once the event is accepted
 * (journaled, queued) or released if it could not be (queue full, journal error), so that the
 * sender's retry is not mistaken for a duplicate of something that was never accepted.
 */
public interface DeduplicationStore {

    /** The state of a key when a delivery tries to claim it. */
    enum Claim {
        /** Nobody had it: the caller now holds the claim and must confirm or release it. */
        CLAIMED,
        /** Another delivery of the same event holds an unconfirmed claim right now: ask the sender to retry. */
        IN_PROGRESS,
        /** Accepted before and not yet expired: a duplicate. */
        SEEN
    }

    /**
     * Claims a key unless it is claimed or seen.
     *
     * @param key endpoint path plus event id
     * @param now the receiver clock's time
     * @param expiresAt when a confirmed key may be forgotten (now plus the TTL)
     */
    Claim claim(String key, Instant now, Instant expiresAt);

    /** Marks a claimed key as accepted until {@code expiresAt}. Also used to preload keys after a restart. */
    void confirm(String key, Instant expiresAt);

    /** Drops an unconfirmed claim so that a retry of the delivery is accepted. */
    void release(String key);

    /**
     * The key the receiver claims for an event id at an endpoint, for a host that preloads a store
     * with ids it knows were handled (say, recovered from its own committed state) through
     * {@link #confirm(String, Instant)}.
     *
     * @param endpointPath the endpoint's path, as in {@link WebhookEndpoint#path()}
     * @param eventId the provider's event id, as in {@link WebhookEvent#id()}
     */
    static String key(String endpointPath, String eventId) {
        return InboxRecords.dedupKey(endpointPath, eventId);
    }
}
