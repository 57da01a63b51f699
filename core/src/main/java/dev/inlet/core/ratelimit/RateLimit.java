package dev.inlet.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast requests under one key may go: an optional fixed client-side rate, and adaptation to the
 * budget the server reports. Immutable and thread-safe; built by a {@link Builder}, which is not.
 *
 * <p><b>Fixed rate</b>: {@linkplain Builder#smooth smooth} spaces requests evenly ({@code 10 per
 * second} is one every 100 ms); {@linkplain Builder#bursty bursty} lets up to the whole quota go at
 * once at the start of each period. Either is shared by every thread and connector using the key.
 *
 * <p><b>Adaptive</b>: every response's {@code RateLimit} / {@code RateLimit-Policy} or
 * {@code X-RateLimit-Remaining} / {@code -Limit} / {@code -Reset} fields (see
 * {@link dev.inlet.core.retry.ServerBudget}) update the key's picture of the server's budget.
 * While more than {@link #paceBelow()} of the quota is left, requests go at full speed; below it,
 * the remaining requests are spread evenly over the time to the reset; at zero, requests wait for
 * the reset plus {@link #resetMargin()}. A 429 or 503 with a wait hint holds back every request
 * under the key, not just the one that got it.
 *
 * <p>A wait longer than {@link #maxWait()} (or beyond the call's retry budget) is not slept: the
 * request fails fast with a {@link dev.inlet.core.error.RateLimitedException} saying when to try again.
 *
 * <p>Defaults: no fixed rate; adaptive; pacing below 10% of the quota; a 1-second reset margin; a
 * 2-minute maximum wait.
 */
public final class RateLimit {

    private static final RateLimit DEFAULTS = builder().build();

    private final long permits;
    private final Duration period;
    private final boolean bursty;
    private final boolean adaptive;
    private final double paceBelow;
    private final Duration resetMargin;
    private final Duration maxWait;

    private RateLimit(Builder b) {
        this.permits = b.permits;
        this.period = b.period;
        this.bursty = b.bursty;
        this.adaptive = b.adaptive;
        this.paceBelow = b.paceBelow;
        this.resetMargin = b.resetMargin;
        this.maxWait = b.maxWait;
    }

    /** The defaults: adaptive only, no fixed rate. */
    public static RateLimit defaults() {
        return DEFAULTS;
    }

    /** A smooth fixed rate of this many requests per second, adaptive as well. */
    public static RateLimit perSecond(long permits) {
        return builder().smooth(permits, Duration.ofSeconds(1)).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this limit. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether a fixed client-side rate applies. */
    public boolean hasFixedRate() {
        return permits > 0;
    }

    /** Requests allowed per {@link #period()} (0 without a fixed rate). */
    public long permits() {
        return permits;
    }

    /** The period of the fixed rate ({@link Duration#ZERO} without one). */
    public Duration period() {
        return period;
    }

    /** Whether the fixed rate lets a period's quota go at once (else requests are spaced evenly). */
    public boolean isBursty() {
        return bursty;
    }

    /** Whether the server's reported budget paces requests. */
    public boolean isAdaptive() {
        return adaptive;
    }

    /** The share of the server's quota below which requests are paced (0 to 1). */
    public double paceBelow() {
        return paceBelow;
    }

    /** How long after the server's announced reset requests resume (its clock and ours differ). */
    public Duration resetMargin() {
        return resetMargin;
    }

    /** The longest a request may wait for a permit; a longer wait fails fast. */
    public Duration maxWait() {
        return maxWait;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit r && permits == r.permits && period.equals(r.period) && bursty == r.bursty
                && adaptive == r.adaptive && paceBelow == r.paceBelow && resetMargin.equals(r.resetMargin)
                && maxWait.equals(r.maxWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(permits, period, bursty, adaptive, paceBelow, resetMargin, maxWait);
    }

    @Override
    public String toString() {
        return "RateLimit[" + (hasFixedRate() ? permits + " per " + period + (bursty ? " bursty" : " smooth")
                : "no fixed rate") + (adaptive ? ", adaptive below " + Math.round(paceBelow * 100) + "%" : "")
                + ", maxWait=" + maxWait + "]";
    }

    /** Builds a {@link RateLimit}; not thread-safe. Starts from the documented defaults. */
    public static final class Builder {
        private long permits;
        private Duration period = Duration.ZERO;
        private boolean bursty;
        private boolean adaptive = true;
        private double paceBelow = 0.1;
        private Duration resetMargin = Duration.ofSeconds(1);
        private Duration maxWait = Duration.ofMinutes(2);

        private Builder() {
        }

        private Builder(RateLimit r) {
            permits = r.permits;
            period = r.period;
            bursty = r.bursty;
            adaptive = r.adaptive;
            paceBelow = r.paceBelow;
            resetMargin = r.resetMargin;
            maxWait = r.maxWait;
        }

        /**
         * At most {@code permits} requests per {@code period}, spaced evenly: {@code smooth(10,
         * 1 s)} sends one request every 100 ms.
         */
        public Builder smooth(long permits, Duration period) {
            return fixed(permits, period, false);
        }

        /** At most {@code permits} requests per {@code period}, any number of them at once. */
        public Builder bursty(long permits, Duration period) {
            return fixed(permits, period, true);
        }

        /** No fixed client-side rate (the default): only the server's budget paces requests. */
        public Builder noFixedRate() {
            this.permits = 0;
            this.period = Duration.ZERO;
            this.bursty = false;
            return this;
        }

        /** Whether the server's reported budget paces requests. Default true. */
        public Builder adaptive(boolean adaptive) {
            this.adaptive = adaptive;
            return this;
        }

        /**
         * Below this share of the server's quota (0 to 1), spread the remaining requests evenly
         * over the time to the reset. 0 never paces (requests still stop at zero and wait for the
         * reset); 1 always paces. Default 0.1.
         */
        public Builder paceBelow(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("paceBelow must be between 0 and 1, was " + fraction);
            }
            this.paceBelow = fraction;
            return this;
        }

        /** How long after the server's announced reset to resume. Default 1 s. */
        public Builder resetMargin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("resetMargin must not be negative, was " + margin);
            }
            this.resetMargin = margin;
            return this;
        }

        /** The longest a request may wait for a permit; longer fails fast. Default 2 minutes. */
        public Builder maxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
            }
            this.maxWait = maxWait;
            return this;
        }

        /**
         * The immutable limit.
         *
         * @throws IllegalArgumentException if it limits nothing (no fixed rate and not adaptive)
         */
        public RateLimit build() {
            if (permits == 0 && !adaptive) {
                throw new IllegalArgumentException("a rate limit needs a fixed rate (smooth or bursty), "
                        + "or adaptive(true), or both");
            }
            return new RateLimit(this);
        }

        private Builder fixed(long permits, Duration period, boolean bursty) {
            if (permits < 1) {
                throw new IllegalArgumentException("permits must be >= 1, was " + permits);
            }
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive, was " + period);
            }
            if (!bursty && period.toNanos() / permits == 0) {
                throw new IllegalArgumentException(permits + " per " + period + " is faster than one per nanosecond");
            }
            this.permits = permits;
            this.period = period;
            this.bursty = bursty;
            return this;
        }
    }
}
