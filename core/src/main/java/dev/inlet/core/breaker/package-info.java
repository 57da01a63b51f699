/**
 * Circuit breakers per host, on Failsafe's {@code CircuitBreaker}: after repeated failures a host's
 * requests fail fast with a {@link dev.inlet.core.error.CircuitOpenException} instead of piling onto a
 * failing service, until a trial request succeeds.
 *
 * <p>Start at {@link dev.inlet.core.breaker.CircuitBreakers}; configure with
 * {@link dev.inlet.core.breaker.BreakerPolicy}; put the interceptor in
 * {@code HttpPipeline.Builder.circuitBreaker(...)}.
 */
package dev.inlet.core.breaker;
