package dev.inlet.core.http;

import dev.inlet.core.InletListener;
import dev.inlet.core.internal.SentSecrets;
import dev.inlet.core.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What interceptors may know about the logical call an attempt belongs to: which attempt it is, the
 * call's idempotency key and deadline, and the pipeline's clock, sleeper and listener (so an
 * interceptor that waits does so through the test-replaceable sleeper).
 *
 * @param attempt 1 for the first attempt
 * @param idempotencyKey the key sent with every attempt of a non-idempotent call, if any
 * @param deadline when the call's budget (all attempts and waits) runs out
 * @param clock the pipeline's clock
 * @param sleeper the pipeline's sleeper
 * @param listener the pipeline's listener
 * @param secrets every form in which the call's attempts sent secrets so far (the pipeline records
 *     credential headers and secret query parameters as they leave); scrub quoted server text with it
 * @param exchangeId the call's id in listener events, shared by its attempts ({@code ""} if none)
 */
public record CallContext(int attempt, Optional<String> idempotencyKey, Instant deadline, Clock clock,
        Sleeper sleeper, InletListener listener, SentSecrets secrets, String exchangeId) {

    /** Checks the id. */
    public CallContext {
        Objects.requireNonNull(exchangeId, "exchangeId");
    }

    /** A context without an exchange id. */
    public CallContext(int attempt, Optional<String> idempotencyKey, Instant deadline, Clock clock,
            Sleeper sleeper, InletListener listener, SentSecrets secrets) {
        this(attempt, idempotencyKey, deadline, clock, sleeper, listener, secrets, "");
    }

    /** A context whose call has sent no secrets yet. */
    public CallContext(int attempt, Optional<String> idempotencyKey, Instant deadline, Clock clock,
            Sleeper sleeper, InletListener listener) {
        this(attempt, idempotencyKey, deadline, clock, sleeper, listener, new SentSecrets(), "");
    }
}
