package dev.inlet.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Holds the current token and fetches a new one when it is missing, stale or rejected, single
 * flight: however many threads need a token at once, one of them performs the token request and
 * the others wait for its outcome, success or failure. So N threads cause exactly one token request
 * per expiry, and a bad secret causes exactly one failing request, not N.
 *
 * <p>A token counts as stale from {@code expiresAt - skew}, where the skew is the configured margin
 * (60 s by default) but at most half the token's lifetime, so a token that lives 30 s is renewed
 * after 15 s rather than on every use. A token without an expiry is used until the server answers
 * 401 with it.
 */
final class TokenCache {

    private final Supplier<AccessToken> fetcher;
    private final Clock clock;
    private final Duration skew;
    private final Object lock = new Object();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger joined = new AtomicInteger();
    private volatile Entry current;
    private CompletableFuture<Entry> flight;

    /** A cached token and the instant from which it is treated as stale. */
    private record Entry(AccessToken token, Instant staleAt) {
    }

    /**
     * A cache.
     *
     * @param fetcher performs one token request; throws {@link AuthenticationException} on failure
     * @param clock measures expiry
     * @param skew how long before expiry a token is renewed
     */
    TokenCache(Supplier<AccessToken> fetcher, Clock clock, Duration skew) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.skew = skew;
    }

    /** A token that is not stale: the cached one, or a freshly fetched one. */
    AccessToken get() {
        Entry entry = current;
        if (entry != null && isFresh(entry)) {
            return entry.token();
        }
        return fetchUnless(entry == null ? null : entry.token());
    }

    /**
     * A token other than the rejected one: if another thread already replaced it, that token;
     * otherwise a freshly fetched one. So a burst of 401s for one token causes one refresh.
     */
    AccessToken replace(AccessToken rejected) {
        return fetchUnless(rejected);
    }

    /** Token requests started so far (for tests and metrics). */
    int fetches() {
        return fetches.get();
    }

    /** Callers that waited for another caller's token request instead of making their own. */
    int joinedFlights() {
        return joined.get();
    }

    private AccessToken fetchUnless(AccessToken unusable) {
        CompletableFuture<Entry> wait;
        boolean mine = false;
        synchronized (lock) {
            Entry entry = current;
            if (entry != null && entry.token() != unusable && isFresh(entry)) {
                return entry.token();
            }
            if (flight == null) {
                flight = new CompletableFuture<>();
                mine = true;
            } else {
                joined.incrementAndGet();
            }
            wait = flight;
        }
        if (mine) {
            return fetch(wait).token();
        }
        return await(wait).token();
    }

    private Entry fetch(CompletableFuture<Entry> promise) {
        fetches.incrementAndGet();
        Instant requested = clock.instant();
        Entry entry;
        try {
            AccessToken token = fetcher.get();
            entry = new Entry(token, staleAt(requested, token));
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                flight = null;
            }
            promise.completeExceptionally(e);
            throw e;
        }
        synchronized (lock) {
            current = entry;
            flight = null;
        }
        promise.complete(entry);
        return entry;
    }

    private Entry await(CompletableFuture<Entry> promise) {
        try {
            return promise.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationException("Interrupted while waiting for another thread's token request", null,
                    null, null, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException auth) {
                throw auth.copyForWaiter();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }

    /**
     * When a token becomes stale: {@code expiresAt - min(skew, lifetime / 2)}, the lifetime measured
     * from when it was requested; never for a token without an expiry.
     */
    private Instant staleAt(Instant requested, AccessToken token) {
        if (token.expiresAt().isEmpty()) {
            return Instant.MAX;
        }
        Instant expiresAt = token.expiresAt().get();
        Duration lifetime = Duration.between(requested, expiresAt);
        Duration margin = lifetime.isNegative() ? Duration.ZERO
                : skew.compareTo(lifetime.dividedBy(2)) < 0 ? skew : lifetime.dividedBy(2);
        return expiresAt.minus(margin);
    }

    private boolean isFresh(Entry entry) {
        return clock.instant().isBefore(entry.staleAt());
    }
}
