package dev.inlet.declarative.internal;

import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.state.StateStore;
import java.time.Clock;

/**
 * <b>Internal.</b> What the caller's binding supplies, in the form the connector factory needs.
 *
 * @param resolver resolves placeholders
 * @param pipeline the pipeline connectors build on, or null for each connector's default
 * @param listener the listener, or null
 * @param stateStore where incremental syncs keep their state, or null
 * @param baseUrlOverride a base URL replacing the definition's, or null
 * @param clock the clock, or null for the system UTC clock
 * @param rateLimiters the registry the definition's rate limit lives in
 */
public record BindSettings(Resolver resolver, HttpPipeline pipeline, InletListener listener, StateStore stateStore,
        String baseUrlOverride, Clock clock, RateLimiters rateLimiters) {
}
