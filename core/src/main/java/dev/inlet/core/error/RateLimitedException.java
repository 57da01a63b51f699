package dev.inlet.core.error;

import java.time.Duration;
import java.time.Instant;

/**
 * The server asked to wait longer than the caller allows (its hint is above the retry policy's
 * cap, or beyond the remaining budget), so the call fails fast instead of sleeping. Says when to try
 * again.
 */
public class RateLimitedException extends InletException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final Instant retryAt;

    /**
     * An exception for a wait the caller does not allow.
     *
     * @param what which request was throttled and why we do not wait
     * @param retryAfter how long the server asked to wait
     * @param retryAt when, by the client's clock, a retry may succeed
     */
    public RateLimitedException(String what, Duration retryAfter, Instant retryAt) {
        this(what + "; the server asks to wait " + human(retryAfter) + " (until " + retryAt + ")", retryAfter,
                retryAt, "Try again after " + retryAt + ", or raise RetryPolicy.maxServerWait");
    }

    /**
     * An exception for a wait the caller does not allow, with its own advice (e.g. a client-side
     * limiter's, whose remedy is a longer {@code RateLimit.maxWait}).
     *
     * @param what which request was held back and why we do not wait
     * @param retryAfter how long the wait would have been
     * @param retryAt when, by the client's clock, a retry may succeed
     * @param hint what the caller can do
     */
    public RateLimitedException(String what, Duration retryAfter, Instant retryAt, String hint) {
        super(what, hint, null);
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    /** How long the server asked to wait. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** When, by the client's clock, a retry may succeed. */
    public Instant retryAt() {
        return retryAt;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s >= 60 ? s / 60 + " min " + s % 60 + " s"
                : d.toMillis() + " ms";
    }
}
