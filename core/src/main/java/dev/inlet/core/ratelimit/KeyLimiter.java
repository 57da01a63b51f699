package dev.inlet.core.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The state behind one key: its fixed-rate limiter (Failsafe) and its picture of the server's budget. */
final class KeyLimiter {

    private final String key;
    private final RateLimit limit;
    private final dev.failsafe.RateLimiter<Object> fixed;
    private final BudgetPacer pacer;
    /** Whether a differing configuration for this key was already reported. */
    final AtomicBoolean warnedAboutConflict = new AtomicBoolean();

    KeyLimiter(String key, RateLimit limit) {
        this.key = key;
        this.limit = limit;
        this.pacer = new BudgetPacer(limit.paceBelow(), limit.resetMargin());
        if (!limit.hasFixedRate()) {
            this.fixed = null;
        } else if (limit.isBursty()) {
            this.fixed = dev.failsafe.RateLimiter.burstyBuilder(limit.permits(), limit.period()).build();
        } else {
            this.fixed = dev.failsafe.RateLimiter.smoothBuilder(limit.permits(), limit.period()).build();
        }
    }

    String key() {
        return key;
    }

    RateLimit limit() {
        return limit;
    }

    BudgetPacer pacer() {
        return pacer;
    }

    /**
     * Reserves a fixed-rate permit if one comes within the wait allowed, returning how long until it
     * may be used; empty (and nothing reserved) if not. No fixed rate: zero.
     */
    Optional<Duration> reserveFixed(Duration allowed) {
        if (fixed == null) {
            return Optional.of(Duration.ZERO);
        }
        Duration wait = fixed.tryReservePermits(1, allowed);
        return wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }
}
