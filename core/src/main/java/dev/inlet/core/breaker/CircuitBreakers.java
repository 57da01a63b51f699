package dev.inlet.core.breaker;

import dev.inlet.core.http.Interceptor;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A registry of circuit breakers, one per host, shared by every connector that uses the registry:
 * when a host keeps failing, every connector calling it fails fast with a
 * {@link dev.inlet.core.error.CircuitOpenException} instead of adding load, until a trial request
 * succeeds. The host key is {@code api.example.com}, or {@code host:port} for a non-default port.
 *
 * <pre>{@code
 * HttpPipeline pipeline = HttpPipeline.builder()
 *         .circuitBreaker(CircuitBreakers.global().perHost(BreakerPolicy.defaults()))
 *         .build();
 * }</pre>
 *
 * <p>A host's breaker keeps the policy it was first created with. Thread-safe.
 */
public final class CircuitBreakers {

    private static final CircuitBreakers GLOBAL = new CircuitBreakers();

    private final ConcurrentMap<String, HostBreaker> breakers = new ConcurrentHashMap<>();

    /** The state of one host's circuit. */
    public enum State {
        /** Requests go through; failures are counted. */
        CLOSED,
        /** Requests fail fast. */
        OPEN,
        /** The open period is over: the next request is a trial that closes or reopens the circuit. */
        HALF_OPEN
    }

    private CircuitBreakers() {
    }

    /** The process-wide registry. */
    public static CircuitBreakers global() {
        return GLOBAL;
    }

    /** A new, empty registry. */
    public static CircuitBreakers create() {
        return new CircuitBreakers();
    }

    /** A pipeline link with a breaker per host, by the default policy. */
    public Interceptor perHost() {
        return perHost(BreakerPolicy.defaults());
    }

    /** A pipeline link with a breaker per host, by this policy. */
    public Interceptor perHost(BreakerPolicy policy) {
        return new BreakerInterceptor(this, Objects.requireNonNull(policy, "policy"));
    }

    /** The state of a host's circuit, if requests have gone to it through this registry. */
    public Optional<State> state(String host) {
        HostBreaker breaker = breakers.get(host);
        return breaker == null ? Optional.empty() : Optional.of(breaker.state());
    }

    HostBreaker breakerFor(String host, BreakerPolicy policy) {
        return breakers.computeIfAbsent(host, h -> new HostBreaker(h, policy));
    }
}
