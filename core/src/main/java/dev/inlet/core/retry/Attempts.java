package dev.inlet.core.retry;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.error.HttpStatusException;
import dev.inlet.core.error.InletException;
import dev.inlet.core.error.RateLimitedException;
import dev.failsafe.Execution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The attempt accounting of one logical call under a {@link RetryPolicy}: which attempt this is,
 * and after a failure, whether to retry and how long to wait first. Not thread-safe: one call, one
 * thread. The caller does the waiting (through its sleeper) and the next attempt.
 */
public final class Attempts {

    private final RetryPolicy policy;
    private final Execution<Object> execution;
    private final Clock clock;
    private final boolean repeatable;
    private final Instant deadline;
    private int attempt = 1;
    private Duration waited = Duration.ZERO;
    private WaitHint lastHint;

    Attempts(RetryPolicy policy, Execution<Object> execution, Clock clock, boolean repeatable) {
        this.policy = policy;
        this.execution = execution;
        this.clock = clock;
        this.repeatable = repeatable;
        this.deadline = clock.instant().plus(policy.budget());
    }

    /** The current attempt, 1 for the first. */
    public int attempt() {
        return attempt;
    }

    /** Attempts beyond the first so far. */
    public int retries() {
        return attempt - 1;
    }

    /** Total wait before retries so far. */
    public Duration waited() {
        return waited;
    }

    /** When the call's budget runs out. */
    public Instant deadline() {
        return deadline;
    }

    /**
     * Decides what follows a failed attempt: returns how long to wait before the next one (and
     * counts it as started), or throws when the call must stop.
     *
     * @param failure why the attempt failed
     * @param what the call, for messages (method and URL without secrets)
     * @return the wait before the next attempt
     * @throws InletException the failure itself when it is not retryable or attempts or budget are
     *     used up; a {@link RateLimitedException} when the server asks to wait longer than allowed
     */
    public Duration nextWait(InletException failure, String what) {
        lastHint = null;
        if (!policy.isRetryable(failure)) {
            throw failure;
        }
        if (!repeatable) {
            throw failure.addNote("not retried: " + what + " is not idempotent and carries no idempotency key; "
                    + "declare it idempotent if it is a read, or turn on RetryPolicy.Builder.idempotencyKeys() "
                    + "if the API supports them");
        }
        execution.recordException(failure);
        if (execution.isComplete()) {
            throw exhausted(failure, "after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
        }
        Instant now = clock.instant();
        Optional<WaitHint> hint = hintOf(failure);
        Duration wait;
        if (hint.isPresent()) {
            wait = hint.get().delay();
            if (wait.compareTo(policy.maxServerWait()) > 0) {
                throw new RateLimitedException(describe(failure) + " from " + what
                        + " and a wait above the configured maximum of " + policy.maxServerWait(), wait,
                        now.plus(wait));
            }
        } else {
            wait = jittered(execution.getDelay());
        }
        if (now.plus(wait).isAfter(deadline)) {
            if (hint.isPresent()) {
                throw new RateLimitedException(describe(failure) + " from " + what
                        + " and a wait beyond the remaining retry budget", wait, now.plus(wait));
            }
            throw exhausted(failure, "the retry budget of " + policy.budget() + " ran out after " + attempt
                    + " attempts");
        }
        attempt++;
        waited = waited.plus(wait);
        lastHint = hint.orElse(null);
        return wait;
    }

    /**
     * The server's hint behind the wait the last {@link #nextWait} returned; empty when that wait
     * was the policy's own backoff.
     */
    public Optional<WaitHint> lastHint() {
        return Optional.ofNullable(lastHint);
    }

    /** The wait the server asked for: a status response's headers, or a body error's own hint. */
    private Optional<WaitHint> hintOf(InletException failure) {
        if (failure instanceof HttpStatusException status) {
            return WaitHints.find(status.response(), clock);
        }
        if (failure instanceof BodyErrorException body) {
            return body.retryAfter().filter(d -> !d.isNegative()).map(d -> new WaitHint(d, "body"));
        }
        return Optional.empty();
    }

    private static String describe(InletException failure) {
        return failure instanceof HttpStatusException status ? "HTTP " + status.status()
                : "A throttled response";
    }

    private Duration jittered(Duration step) {
        if (!policy.fullJitter() || step.isZero()) {
            return step;
        }
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(step.toNanos() + 1));
    }

    private static InletException exhausted(InletException failure, String note) {
        return failure.addNote("gave up " + note);
    }
}
