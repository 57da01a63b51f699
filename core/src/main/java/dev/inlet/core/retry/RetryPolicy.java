package dev.inlet.core.retry;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.error.DecodingException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how long to retry a call (a request, or a page being read). Immutable and thread-safe;
 * built by a {@link Builder}, which is not. Backed by Failsafe's retry policy for attempt accounting
 * and exponential backoff.
 *
 * <p>What is retried: connection failures and resets, timeouts, the statuses 408, 425, 429, 500,
 * 502, 503 and 504, GitHub's 403 with {@code X-RateLimit-Remaining: 0} or a {@code Retry-After}
 * (its primary and secondary rate limits), bodies that could not be
 * decoded when a retry may help (truncated or malformed), and bodies the
 * {@link BodyClassifier} says to retry. Never other 4xx, nor a decoding failure a retry would get
 * again byte for byte ({@link DecodingException#isRetryable()} false: an HTML page with status 200,
 * invalid UTF-8, an unknown or corrupt content encoding, a {@link dev.inlet.core.ReadLimits} limit).
 * A non-idempotent request (POST, PATCH) is retried only when the policy adds an idempotency key,
 * the same key on every attempt of one logical call. Keys are off by default: an unknown header can
 * make an API reject a request or change what a signature covers, so turn them on
 * ({@link Builder#idempotencyKeys()}) only for an API that supports them, such as Stripe's.
 *
 * <p>How long to wait: the server's hint wins ({@code Retry-After}, {@code RateLimit},
 * {@code X-RateLimit-Reset}; see {@link WaitHints}), with no jitter below it; a hint above
 * {@link #maxServerWait()} fails fast with a {@link dev.inlet.core.error.RateLimitedException} that says when
 * to try again. Without a hint: exponential backoff with full jitter (a random wait between zero
 * and the backoff step, which spreads retrying clients apart).
 *
 * <p>Defaults: 5 attempts; backoff from 250 ms doubling to 30 s; a budget of 5 minutes per call,
 * waits included; server hints honoured up to 2 minutes; decoding errors retried; no idempotency
 * keys (so POST and PATCH are not retried unless marked idempotent); every 2xx body accepted.
 */
public final class RetryPolicy {

    /** The statuses retried by default. */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final boolean fullJitter;
    private final Duration budget;
    private final Duration maxServerWait;
    private final Set<Integer> retryableStatuses;
    private final boolean retryDecodingErrors;
    private final String idempotencyKeyHeader;
    private final BodyClassifier bodyClassifier;
    private final dev.failsafe.RetryPolicy<Object> failsafe;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.fullJitter = b.fullJitter;
        this.budget = b.budget;
        this.maxServerWait = b.maxServerWait;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.retryDecodingErrors = b.retryDecodingErrors;
        this.idempotencyKeyHeader = b.idempotencyKeyHeader;
        this.bodyClassifier = b.bodyClassifier;
        var failsafeBuilder = dev.failsafe.RetryPolicy.builder()
                .handleIf((result, failure) -> failure != null && isRetryable(failure))
                .withMaxAttempts(maxAttempts);
        if (initialDelay.compareTo(maxDelay) < 0) {
            failsafeBuilder.withBackoff(initialDelay, maxDelay, 2.0);
        } else {
            failsafeBuilder.withDelay(initialDelay);
        }
        this.failsafe = failsafeBuilder.build();
    }

    /** The default policy (see the class documentation). */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries: one attempt. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Attempts per call, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first backoff step. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** The largest backoff step. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Whether backoff waits are drawn uniformly between zero and the step (full jitter). */
    public boolean fullJitter() {
        return fullJitter;
    }

    /** The total time one call may take, attempts and waits included. */
    public Duration budget() {
        return budget;
    }

    /** The longest server-requested wait honoured; a longer one fails fast. */
    public Duration maxServerWait() {
        return maxServerWait;
    }

    /** The HTTP statuses that are retried. */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /** Whether undecodable bodies (truncated, malformed) are retried; never those that are not retryable. */
    public boolean retryDecodingErrors() {
        return retryDecodingErrors;
    }

    /** The header that carries idempotency keys, if keys are added. */
    public Optional<String> idempotencyKeyHeader() {
        return Optional.ofNullable(idempotencyKeyHeader);
    }

    /** Decides whether a successful response's body is really an error. */
    public BodyClassifier bodyClassifier() {
        return bodyClassifier;
    }

    /** Whether a failure is of a kind this policy retries (ignoring attempts and budget). */
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof TransportException) {
            return true;
        }
        if (failure instanceof HttpStatusException status) {
            return retryableStatuses.contains(status.status()) || status.status() == 403 && isThrottled(status);
        }
        if (failure instanceof DecodingException decoding) {
            return retryDecodingErrors && decoding.isRetryable();
        }
        return failure instanceof BodyErrorException body && body.isRetryable();
    }

    /**
     * A 403 that is a rate limit rather than a refusal: GitHub's primary limit (remaining budget 0)
     * and its secondary limits (a {@code Retry-After} on the 403).
     */
    private static boolean isThrottled(HttpStatusException status) {
        return status.retryAfter().isPresent() || WaitHints.isBudgetExhausted(status.response());
    }

    /**
     * Starts the attempt accounting of one logical call.
     *
     * @param clock the clock that measures the budget and server hints
     * @param repeatable whether the call may be repeated (idempotent, or carrying an idempotency key)
     */
    public Attempts begin(Clock clock, boolean repeatable) {
        return new Attempts(this, dev.failsafe.Execution.of(failsafe), clock, repeatable);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialDelay + ".." + maxDelay
                + (fullJitter ? " full jitter" : "") + ", budget=" + budget + ", maxServerWait=" + maxServerWait
                + ", statuses=" + new TreeSet<>(retryableStatuses) + "]";
    }

    /** Builds a {@link RetryPolicy}; not thread-safe. Starts from the documented defaults. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofMillis(250);
        private Duration maxDelay = Duration.ofSeconds(30);
        private boolean fullJitter = true;
        private Duration budget = Duration.ofMinutes(5);
        private Duration maxServerWait = Duration.ofMinutes(2);
        private Set<Integer> retryableStatuses = DEFAULT_STATUSES;
        private boolean retryDecodingErrors = true;
        private String idempotencyKeyHeader;
        private BodyClassifier bodyClassifier = BodyClassifier.acceptAll();

        private Builder() {
        }

        private Builder(RetryPolicy p) {
            maxAttempts = p.maxAttempts;
            initialDelay = p.initialDelay;
            maxDelay = p.maxDelay;
            fullJitter = p.fullJitter;
            budget = p.budget;
            maxServerWait = p.maxServerWait;
            retryableStatuses = p.retryableStatuses;
            retryDecodingErrors = p.retryDecodingErrors;
            idempotencyKeyHeader = p.idempotencyKeyHeader;
            bodyClassifier = p.bodyClassifier;
        }

        /** Attempts per call, the first included (1 disables retries). Default 5. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Exponential backoff from {@code initial}, doubling up to {@code max}. Default 250 ms to 30 s. */
        public Builder backoff(Duration initial, Duration max) {
            requirePositive(initial, "initial backoff");
            requirePositive(max, "max backoff");
            if (initial.compareTo(max) > 0) {
                throw new IllegalArgumentException("initial backoff " + initial + " exceeds max backoff " + max);
            }
            this.initialDelay = initial;
            this.maxDelay = max;
            return this;
        }

        /** Whether to draw backoff waits uniformly from zero to the step. Default true. */
        public Builder fullJitter(boolean fullJitter) {
            this.fullJitter = fullJitter;
            return this;
        }

        /** Total time per call, attempts and waits included. Default 5 minutes. */
        public Builder budget(Duration budget) {
            this.budget = requirePositive(budget, "budget");
            return this;
        }

        /**
         * The longest server-requested wait to honour; a longer one fails fast with a
         * {@link dev.inlet.core.error.RateLimitedException} saying when to try again. Zero never waits for
         * a hint. Default 2 minutes.
         */
        public Builder maxServerWait(Duration maxServerWait) {
            Objects.requireNonNull(maxServerWait, "maxServerWait");
            if (maxServerWait.isNegative()) {
                throw new IllegalArgumentException("maxServerWait must not be negative, was " + maxServerWait);
            }
            this.maxServerWait = maxServerWait;
            return this;
        }

        /**
         * The HTTP statuses to retry. Default 408, 425, 429, 500, 502, 503, 504. Only 408, 425, 429
         * and 5xx statuses may be listed: any other 4xx means the server rejected the request itself,
         * and sending it again cannot help.
         *
         * @throws IllegalArgumentException for any other status
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (int status : statuses) {
                boolean transientClientError = status == 408 || status == 425 || status == 429;
                if (!transientClientError && (status < 500 || status > 599)) {
                    throw new IllegalArgumentException("status " + status + " cannot be retried: only 408, 425, 429 "
                            + "and 5xx are transient; any other status means the server rejected the request itself");
                }
            }
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /**
         * Whether undecodable bodies (truncated, malformed) are retried. Default true. Decoding failures
         * that would repeat byte for byte ({@link DecodingException#isRetryable()} false) never are.
         */
        public Builder retryDecodingErrors(boolean retry) {
            this.retryDecodingErrors = retry;
            return this;
        }

        /**
         * Sends an idempotency key in the {@code Idempotency-Key} header with every non-idempotent
         * call (POST, PATCH) when the policy allows more than one attempt, so such calls may be
         * retried. Off by default; turn it on only for APIs that support the header (Stripe does).
         */
        public Builder idempotencyKeys() {
            return idempotencyKeyHeader("Idempotency-Key");
        }

        /**
         * Sends idempotency keys in this header with every non-idempotent call when the policy allows
         * more than one attempt (see {@link #idempotencyKeys()}). Default: no keys.
         */
        public Builder idempotencyKeyHeader(String header) {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("idempotency key header must not be blank; "
                        + "use noIdempotencyKeys() to turn keys off");
            }
            this.idempotencyKeyHeader = header;
            return this;
        }

        /** Sends no idempotency keys, so non-idempotent calls are never retried (the default). */
        public Builder noIdempotencyKeys() {
            this.idempotencyKeyHeader = null;
            return this;
        }

        /** Classifies 2xx bodies that may report errors. Default: accept all. */
        public Builder bodyClassifier(BodyClassifier classifier) {
            this.bodyClassifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** The immutable policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration requirePositive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
