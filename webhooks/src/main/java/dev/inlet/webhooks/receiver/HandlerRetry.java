package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.core.error.DecodingException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * How often and how patiently a failing {@link WebhookHandler} is retried before its event goes to
 * the {@link DeadLetterSink}. Immutable.
 *
 * <p>Defaults: 3 attempts, exponential backoff from 200 ms doubling up to 10 s, every exception
 * retried except {@link DecodingException} (a body that is not the expected JSON will not get
 * better).
 */
public final class HandlerRetry {

    private static final HandlerRetry DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Predicate<Throwable> retryOn;

    private HandlerRetry(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.retryOn = b.retryOn;
    }

    /** The defaults described above. */
    public static HandlerRetry defaults() {
        return DEFAULTS;
    }

    /** No retries: the first failure dead-letters the event. */
    public static HandlerRetry none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The maximum number of handler calls per event, at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a failure is worth another attempt. */
    public boolean isRetryable(Throwable failure) {
        return retryOn.test(failure);
    }

    /** The wait after the given failed attempt (1-based): initial × 2^(attempt-1), capped. */
    public Duration delayAfter(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public String toString() {
        return "HandlerRetry[maxAttempts=" + maxAttempts + ", backoff=" + initialDelay + ".." + maxDelay + "]";
    }

    /** Builds a {@link HandlerRetry}; not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(10);
        private Predicate<Throwable> retryOn = failure -> !(failure instanceof DecodingException);

        private Builder() {
        }

        /** Maximum handler calls per event; default 3; at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new WebhookConfigException("HandlerRetry: maxAttempts must be at least 1, got " + maxAttempts,
                        "use 1 for no retries");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff from {@code initial}, doubling, capped at {@code max}; default 200 ms to 10 s. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial == null || max == null || initial.isNegative() || max.compareTo(initial) < 0) {
                throw new WebhookConfigException("HandlerRetry: backoff needs 0 <= initial <= max, got "
                        + initial + ".." + max, "e.g. backoff(Duration.ofMillis(200), Duration.ofSeconds(10))");
            }
            this.initialDelay = initial;
            this.maxDelay = max;
            return this;
        }

        /** Which failures are retried; default every one but {@link DecodingException}. */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            if (retryOn == null) {
                throw new WebhookConfigException("HandlerRetry: retryOn is null", "pass a predicate");
            }
            this.retryOn = retryOn;
            return this;
        }

        /** The policy. */
        public HandlerRetry build() {
            return new HandlerRetry(this);
        }
    }
}
