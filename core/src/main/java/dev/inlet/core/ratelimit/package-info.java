/**
 * Client-side rate limiting: a limiter per key (a host, or a name several connectors share), at a
 * fixed rate (smooth or bursty, on Failsafe's {@code RateLimiter}) and adaptive to the budget the
 * server reports, so a well-configured connector never sees a 429.
 *
 * <p>Start at {@link dev.inlet.core.ratelimit.RateLimiters}; configure with
 * {@link dev.inlet.core.ratelimit.RateLimit}; put the interceptor in
 * {@code HttpPipeline.Builder.rateLimiter(...)}.
 */
package dev.inlet.core.ratelimit;
