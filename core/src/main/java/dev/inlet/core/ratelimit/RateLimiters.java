package dev.inlet.core.ratelimit;

import dev.inlet.core.http.Interceptor;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry of rate limiters, one per key, shared by every thread and connector that uses the
 * registry: connectors that should respect one budget together ask the same registry for the same
 * key. The key is a request's host ({@code api.example.com}, or {@code host:port} for a
 * non-default port) with {@link #perHost}, or a name of your choosing with {@link #shared}.
 *
 * <pre>{@code
 * Interceptor github = RateLimiters.global().shared("github", RateLimit.perSecond(10));
 * HttpPipeline pipeline = HttpPipeline.builder().rateLimiter(github).build();
 * }</pre>
 *
 * <p>One key has one configuration: the first one registered. Asking {@link #shared} for a key
 * that already has a different configuration is an error; a {@link #perHost} limit that meets a
 * host already limited otherwise keeps the existing limit and logs a warning once. Thread-safe.
 */
public final class RateLimiters {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiters.class);
    private static final RateLimiters GLOBAL = new RateLimiters();

    private final ConcurrentMap<String, KeyLimiter> limiters = new ConcurrentHashMap<>();

    private RateLimiters() {
    }

    /** The process-wide registry: every connector in the JVM that uses it shares its keys. */
    public static RateLimiters global() {
        return GLOBAL;
    }

    /** A new, empty registry (for a tenant, a test, or a group of connectors kept apart). */
    public static RateLimiters create() {
        return new RateLimiters();
    }

    /** A pipeline link limiting each host separately by the defaults: adaptive to the server's budget. */
    public Interceptor perHost() {
        return perHost(RateLimit.defaults());
    }

    /** A pipeline link limiting each host separately, each host by this limit. */
    public Interceptor perHost(RateLimit limit) {
        return new RateLimitInterceptor(this, null, Objects.requireNonNull(limit, "limit"));
    }

    /**
     * A pipeline link limiting every request, whatever its host, under one named key.
     *
     * @throws IllegalArgumentException if the key is blank, or already has another configuration
     */
    public Interceptor shared(String key, RateLimit limit) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a rate limit key must not be blank");
        }
        Objects.requireNonNull(limit, "limit");
        KeyLimiter existing = limiters.computeIfAbsent(key, k -> new KeyLimiter(k, limit));
        if (!existing.limit().equals(limit)) {
            throw new IllegalArgumentException("rate limit key '" + key + "' is already configured as "
                    + existing.limit() + "; a key has one configuration, asked for " + limit
                    + ". Use the same RateLimit everywhere, or another key");
        }
        return new RateLimitInterceptor(this, key, limit);
    }

    /** Whether a limiter exists for the key (one is made on first use). */
    public boolean contains(String key) {
        return limiters.containsKey(key);
    }

    /** The limit in force for a key, if the key has been used. */
    public java.util.Optional<RateLimit> limitOf(String key) {
        KeyLimiter limiter = limiters.get(key);
        return limiter == null ? java.util.Optional.empty() : java.util.Optional.of(limiter.limit());
    }

    KeyLimiter limiterFor(String key, RateLimit limit) {
        KeyLimiter limiter = limiters.computeIfAbsent(key, k -> new KeyLimiter(k, limit));
        if (!limiter.limit().equals(limit) && limiter.warnedAboutConflict.compareAndSet(false, true)) {
            LOG.warn("Rate limit key '{}' is already configured as {}; a connector asking for {} shares the "
                    + "existing limit", key, limiter.limit(), limit);
        }
        return limiter;
    }
}
