package dev.inlet.core.http.internal;

import dev.inlet.core.InletListener;
import dev.inlet.core.ReadLimits;
import dev.inlet.core.retry.RetryPolicy;
import java.util.List;
import java.util.Objects;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Origin;

/** <b>Internal</b> (not API; see the package).
 * What a connector or client builder may change of a shared {@link HttpPipeline}: its own
 * credentials, rate limiter, circuit breaker, retry policy, read limits and an extra listener, on top of a base
 * pipeline. Builders hold one and delegate to it, so every builder resolves the same way. Not
 * thread-safe (a builder's helper).
 */
public final class PipelineOverrides {

    private HttpPipeline base = HttpPipeline.defaults();
    private Interceptor credentials;
    private Interceptor rateLimiter;
    private Interceptor circuitBreaker;
    private RetryPolicy retryPolicy;
    private InletListener listener;
    private final java.util.Set<Origin> allowedOrigins = new java.util.HashSet<>();
    private ReadLimits limits;

    /** The pipeline the overrides apply to. Default {@link HttpPipeline#defaults()}. */
    public void base(HttpPipeline pipeline) {
        this.base = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** Credentials replacing the base pipeline's. */
    public void credentials(Interceptor credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** A rate limiter replacing the base pipeline's. */
    public void rateLimiter(Interceptor limiter) {
        this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
    }

    /** A circuit breaker replacing the base pipeline's. */
    public void circuitBreaker(Interceptor breaker) {
        this.circuitBreaker = Objects.requireNonNull(breaker, "breaker");
    }

    /** A retry policy replacing the base pipeline's. */
    public void retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
    }

    /** A listener added to the base pipeline's. */
    public void listener(InletListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** An origin redirects may lead to, on top of the base pipeline's (see {@link HttpPipeline.Builder#allowRedirectsTo}). */
    public void allowRedirectsTo(Origin origin) {
        allowedOrigins.add(Objects.requireNonNull(origin, "origin"));
    }

    /** Read limits replacing the base pipeline's. */
    public void limits(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The base pipeline with the overrides applied (the base itself when there are none). */
    public HttpPipeline resolve() {
        if (credentials == null && rateLimiter == null && circuitBreaker == null && retryPolicy == null
                && listener == null && allowedOrigins.isEmpty() && limits == null) {
            return base;
        }
        HttpPipeline.Builder b = base.toBuilder();
        if (credentials != null) {
            b.credentials(credentials);
        }
        if (rateLimiter != null) {
            b.rateLimiter(rateLimiter);
        }
        if (circuitBreaker != null) {
            b.circuitBreaker(circuitBreaker);
        }
        if (retryPolicy != null) {
            b.retryPolicy(retryPolicy);
        }
        allowedOrigins.forEach(b::allowRedirectsTo);
        if (limits != null) {
            b.limits(limits);
        }
        if (listener != null) {
            b.listener(InletListener.all(List.of(base.listener(), listener)));
        }
        return b.build();
    }
}
