package dev.inlet.core.breaker;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One host's breaker: Failsafe's state machine, used standalone (acquire, then record). */
final class HostBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakers.class);

    private final BreakerPolicy policy;
    private final CircuitBreaker<Object> failsafe;

    HostBreaker(String host, BreakerPolicy policy) {
        this.policy = policy;
        this.failsafe = CircuitBreaker.builder()
                .withFailureThreshold(policy.failures(), policy.outOf())
                .withSuccessThreshold(policy.successes())
                .withDelay(policy.openFor())
                .onOpen(e -> LOG.warn("Circuit for {} opened: requests to it fail fast for {} ms ({})", host,
                        policy.openFor().toMillis(), policy))
                .onHalfOpen(e -> LOG.info("Circuit for {} half-open: letting a trial request through", host))
                .onClose(e -> LOG.info("Circuit for {} closed: the host answers again", host))
                .build();
    }

    BreakerPolicy policy() {
        return policy;
    }

    boolean tryAcquire() {
        return failsafe.tryAcquirePermit();
    }

    /** How long until a trial request may go (zero when a trial is already under way). */
    Duration remainingOpen() {
        return failsafe.getRemainingDelay();
    }

    void success() {
        failsafe.recordSuccess();
    }

    void failure() {
        failsafe.recordFailure();
    }

    CircuitBreakers.State state() {
        return switch (failsafe.getState()) {
            case CLOSED -> CircuitBreakers.State.CLOSED;
            case OPEN -> failsafe.getRemainingDelay().isZero() ? CircuitBreakers.State.HALF_OPEN
                    : CircuitBreakers.State.OPEN;
            case HALF_OPEN -> CircuitBreakers.State.HALF_OPEN;
        };
    }
}
