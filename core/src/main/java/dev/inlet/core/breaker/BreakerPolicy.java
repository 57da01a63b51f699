package dev.inlet.core.breaker;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a host's circuit opens and for how long. Immutable and thread-safe; built by a
 * {@link Builder}, which is not.
 *
 * <p>A failure is a request that got no response (connection refused or reset, a timeout) or one of
 * the {@link #failureStatuses()}. A 429 is not a failure: a throttling host is healthy and the rate
 * limiter handles it; neither are 4xx answers, which say the request was wrong, not the host.
 *
 * <p>Defaults: open after 5 failures among the last 10 requests; stay open 30 s; then let one trial
 * request through, and close after 1 success (a failed trial reopens it); failure statuses 500,
 * 502, 503 and 504.
 */
public final class BreakerPolicy {

    private static final BreakerPolicy DEFAULTS = builder().build();

    private final int failures;
    private final int outOf;
    private final Duration openFor;
    private final int successes;
    private final Set<Integer> failureStatuses;

    private BreakerPolicy(Builder b) {
        this.failures = b.failures;
        this.outOf = b.outOf;
        this.openFor = b.openFor;
        this.successes = b.successes;
        this.failureStatuses = Set.copyOf(b.failureStatuses);
    }

    /** The defaults (see the class documentation). */
    public static BreakerPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** How many failures among the last {@link #outOf()} requests open the circuit. */
    public int failures() {
        return failures;
    }

    /** How many recent requests are counted. */
    public int outOf() {
        return outOf;
    }

    /** How long the circuit stays open before a trial request. */
    public Duration openFor() {
        return openFor;
    }

    /** How many successful trials in a row close the circuit again. */
    public int successes() {
        return successes;
    }

    /** The statuses that count as the host failing. */
    public Set<Integer> failureStatuses() {
        return failureStatuses;
    }

    /** Whether a response with this status counts as the host failing. */
    public boolean isFailure(int status) {
        return failureStatuses.contains(status);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BreakerPolicy p && failures == p.failures && outOf == p.outOf && openFor.equals(p.openFor)
                && successes == p.successes && failureStatuses.equals(p.failureStatuses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(failures, outOf, openFor, successes, failureStatuses);
    }

    @Override
    public String toString() {
        return "BreakerPolicy[open after " + failures + " of " + outOf + " failed, for " + openFor + ", close after "
                + successes + " trial(s), failure statuses " + new TreeSet<>(failureStatuses) + "]";
    }

    /** Builds a {@link BreakerPolicy}; not thread-safe. Starts from the documented defaults. */
    public static final class Builder {
        private int failures = 5;
        private int outOf = 10;
        private Duration openFor = Duration.ofSeconds(30);
        private int successes = 1;
        private Set<Integer> failureStatuses = Set.of(500, 502, 503, 504);

        private Builder() {
        }

        private Builder(BreakerPolicy p) {
            failures = p.failures;
            outOf = p.outOf;
            openFor = p.openFor;
            successes = p.successes;
            failureStatuses = p.failureStatuses;
        }

        /** Open after {@code failures} failures among the last {@code outOf} requests. Default 5 of 10. */
        public Builder failureThreshold(int failures, int outOf) {
            if (failures < 1 || outOf < failures) {
                throw new IllegalArgumentException("need 1 <= failures <= outOf, got " + failures + " of " + outOf);
            }
            this.failures = failures;
            this.outOf = outOf;
            return this;
        }

        /** How long to stay open before a trial request. Default 30 s. */
        public Builder openFor(Duration openFor) {
            Objects.requireNonNull(openFor, "openFor");
            if (openFor.isNegative() || openFor.isZero()) {
                throw new IllegalArgumentException("openFor must be positive, was " + openFor);
            }
            this.openFor = openFor;
            return this;
        }

        /** How many successful trials in a row close the circuit. Default 1. */
        public Builder successThreshold(int successes) {
            if (successes < 1) {
                throw new IllegalArgumentException("successThreshold must be >= 1, was " + successes);
            }
            this.successes = successes;
            return this;
        }

        /** The statuses that count as failures; only 5xx. Default 500, 502, 503, 504. */
        public Builder failureStatuses(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (int status : statuses) {
                if (status < 500 || status > 599) {
                    throw new IllegalArgumentException("status " + status + " says nothing about the host's health; "
                            + "only 5xx statuses may count as breaker failures");
                }
            }
            this.failureStatuses = Set.copyOf(statuses);
            return this;
        }

        /** The immutable policy. */
        public BreakerPolicy build() {
            return new BreakerPolicy(this);
        }
    }
}
