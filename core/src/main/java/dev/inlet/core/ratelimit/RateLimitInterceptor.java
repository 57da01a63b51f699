package dev.inlet.core.ratelimit;

import dev.inlet.core.InletListener;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.retry.ServerBudget;
import dev.inlet.core.retry.WaitHint;
import dev.inlet.core.retry.WaitHints;
import dev.inlet.core.http.CallContext;
import dev.inlet.core.http.AsyncInterceptor;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's rate-limiting link: before a request leaves, it waits for the key's fixed-rate
 * permit and for the server's budget (through the call's sleeper, reported to the listener); after
 * the response arrives, it teaches the key what the server said about its budget.
 */
final class RateLimitInterceptor implements AsyncInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);

    private final RateLimiters registry;
    private final String sharedKey;
    private final RateLimit limit;

    /** A link for one shared key, or (sharedKey null) keyed by each request's host. */
    RateLimitInterceptor(RateLimiters registry, String sharedKey, RateLimit limit) {
        this.registry = registry;
        this.sharedKey = sharedKey;
        this.limit = limit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallContext call = chain.call();
        Reservation reservation = reserve(request, call);
        if (!reservation.wait.isZero()) {
            try {
                call.sleeper().sleep(reservation.wait);
            } catch (InterruptedException e) {
                reservation.limiter.pacer().release();
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while " + request
                        + " waited for rate limit '" + reservation.key + "'");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            reservation.limiter.pacer().release();
            throw e;
        }
        reservation.settle(response, call.clock());
        return response;
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        Request request = chain.request();
        CallContext call = chain.call();
        Reservation reservation;
        try {
            reservation = reserve(request, call);
        } catch (RateLimitedException tooLong) {
            return CompletableFuture.failedFuture(tooLong);
        }
        CompletableFuture<Void> permit = reservation.wait.isZero() ? CompletableFuture.completedFuture(null)
                : call.sleeper().delay(reservation.wait);
        return permit.thenCompose(ready -> chain.proceedAsync(request)).whenComplete((response, failure) -> {
            if (failure != null) {
                reservation.limiter.pacer().release();
            } else {
                reservation.settle(response, call.clock());
            }
        });
    }

    /**
     * Takes the request's place under its limit: how long it must wait before it leaves, the event and
     * log line said when it must wait at all.
     *
     * @throws RateLimitedException when the wait would exceed the limit's maxWait or the call's budget
     */
    private Reservation reserve(Request request, CallContext call) {
        String key = sharedKey != null ? sharedKey : request.origin().authority();
        KeyLimiter limiter = registry.limiterFor(key, limit);
        RateLimit config = limiter.limit();
        Clock clock = call.clock();
        Instant now = clock.instant();
        Duration left = Duration.between(now, call.deadline());
        Duration allowed = config.maxWait().compareTo(left) < 0 ? config.maxWait() : left;
        if (allowed.isNegative()) {
            allowed = Duration.ZERO;
        }

        BudgetPacer.Wait pace = config.isAdaptive() ? limiter.pacer().reserve(now) : BudgetPacer.Wait.NONE;
        if (pace.delay().compareTo(allowed) > 0) {
            limiter.pacer().release();
            throw tooLong(request, key, pace.delay(), pace.reason(), allowed, now);
        }
        Optional<Duration> fixed = limiter.reserveFixed(allowed);
        if (fixed.isEmpty()) {
            limiter.pacer().release();
            throw tooLong(request, key, allowed, "the client-side rate of " + describe(config), allowed, now);
        }
        // Both waits count from now; the later one is the one that matters.
        boolean fixedLonger = fixed.get().compareTo(pace.delay()) > 0;
        Duration wait = fixedLonger ? fixed.get() : pace.delay();
        if (!wait.isZero()) {
            String reason = fixedLonger ? "client-side rate of " + describe(config) : pace.reason();
            InletListener.RateLimited event = new InletListener.RateLimited(request.connector(), key, wait, reason);
            try {
                call.listener().rateLimited(event);
            } catch (RuntimeException e) {
                LOG.warn("An InletListener failed; the call goes on", e);
            }
            LOG.debug("{} waits {} ms under rate limit '{}': {}", request, wait.toMillis(), key, reason);
        }
        return new Reservation(key, limiter, wait);
    }

    /** A request's place under its limit: its key, the limiter, and how long it waits before leaving. */
    private static final class Reservation {
        final String key;
        final KeyLimiter limiter;
        final Duration wait;

        Reservation(String key, KeyLimiter limiter, Duration wait) {
            this.key = key;
            this.limiter = limiter;
            this.wait = wait;
        }

        /** After a response: an adaptive limit learns the server's budget from it; a fixed one frees its place. */
        void settle(Response response, Clock clock) {
            if (limiter.limit().isAdaptive()) {
                Instant after = clock.instant();
                Optional<WaitHint> hint = throttled(response.status())
                        ? WaitHints.find(response.info(), clock) : Optional.empty();
                limiter.pacer().observe(ServerBudget.from(response.info(), clock), hint, after);
            } else {
                limiter.pacer().release();
            }
        }
    }

    private static boolean throttled(int status) {
        return status == 429 || status == 503 || status == 403;
    }

    private static RateLimitedException tooLong(Request request, String key, Duration wait, String reason,
            Duration allowed, Instant now) {
        return new RateLimitedException("Rate limit '" + key + "' would hold " + request + " for "
                + wait.toMillis() + " ms, more than the " + allowed.toMillis() + " ms allowed (" + reason + ")", wait,
                now.plus(wait), "Try again after " + now.plus(wait) + ", or raise RateLimit.maxWait (or the retry "
                        + "budget) to wait longer");
    }

    private static String describe(RateLimit limit) {
        return limit.permits() + " per " + human(limit.period()) + (limit.isBursty() ? " (bursty)" : "");
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public String toString() {
        return "RateLimit[" + (sharedKey == null ? "per host" : "'" + sharedKey + "'") + ", " + limit + "]";
    }
}
