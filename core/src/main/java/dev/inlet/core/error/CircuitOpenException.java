package dev.inlet.core.error;

import java.time.Instant;
import java.util.Objects;

/**
 * A request was not sent because its host's circuit breaker is open: the host failed repeatedly, so
 * requests to it fail fast until the breaker lets a trial request through. Never retried by the
 * retry policy (that would defeat the breaker); says which host and when to try again.
 */
public class CircuitOpenException extends InletException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final Instant retryAt;

    /**
     * An exception for a request refused by an open circuit.
     *
     * @param host the host whose circuit is open (no credentials, no path)
     * @param what which request was refused and why the circuit opened (URL without secrets)
     * @param retryAt when, by the client's clock, the breaker lets a trial request through
     */
    public CircuitOpenException(String host, String what, Instant retryAt) {
        super(what + "; the circuit for " + host + " is open until about " + retryAt,
                "The host has been failing; requests fail fast until " + retryAt + ", then one trial request "
                        + "decides whether the circuit closes. Check the service's status", null);
        this.host = Objects.requireNonNull(host, "host");
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    /** The host whose circuit is open ({@code api.example.com}, or {@code host:port}). */
    public String host() {
        return host;
    }

    /** When, by the client's clock, the breaker lets a trial request through. */
    public Instant retryAt() {
        return retryAt;
    }
}
