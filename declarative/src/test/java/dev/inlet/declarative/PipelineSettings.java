package dev.inlet.core.http;

import dev.inlet.core.ReadLimits;
import dev.inlet.core.retry.RetryPolicy;

/**
 * The pipeline settings that every builder of an HTTP source offers, declared once: the REST
 * connector builder and the GraphQL client builder implement it (the Relay connector takes its
 * pipeline from its client), so a setting added here is added to all of them, and each one
 * changes only that builder's copy of a shared {@link HttpPipeline}. Connector settings
 * (validation, policies, listener) come from {@code SourceConnectorBuilder} in the same way.
 *
 * @param <B> the builder, returned for chaining
 */
public interface PipelineSettings<B extends PipelineSettings<B>> {

    /** The request pipeline the settings below change. Default {@link HttpPipeline#defaults()}. */
    B pipeline(HttpPipeline pipeline);

    /** Credentials for this builder's requests, replacing the pipeline's. */
    B credentials(Interceptor credentials);

    /** A rate limiter (see {@code RateLimiters}), replacing the pipeline's. */
    B rateLimiter(Interceptor limiter);

    /** A circuit breaker (see {@code CircuitBreakers}), replacing the pipeline's. */
    B circuitBreaker(Interceptor breaker);

    /** The retry policy, replacing the pipeline's. */
    B retryPolicy(RetryPolicy policy);

    /**
     * How much of a response is read and held before a non-retryable
     * {@link dev.inlet.core.error.LimitExceededException}, replacing the pipeline's. Default
     * {@link ReadLimits#defaults()}; see {@code docs/resilience.md}.
     */
    B limits(ReadLimits limits);
}
