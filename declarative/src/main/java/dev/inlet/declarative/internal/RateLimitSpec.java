package dev.inlet.declarative.internal;

import dev.inlet.core.ratelimit.RateLimit;
import java.time.Duration;

/**
 * <b>Internal.</b> A definition's rate limit ({@code rate_limit:}), mapped onto core's {@link RateLimit}:
 * {@code requests} per {@code per} (smooth unless {@code bursty}), adaptive to the server's reported budget
 * unless {@code adaptive: false}, waits beyond {@code max_wait} failing fast. Every stream of the definition
 * (and every definition of the same name and origin in the process) shares one limiter. Immutable.
 *
 * @param limit the limit
 */
public record RateLimitSpec(RateLimit limit) {

    static RateLimitSpec read(Node node) {
        Section s = Section.of(node, "rate_limit", "requests", "per", "bursty", "adaptive", "max_wait");
        RateLimit.Builder builder = RateLimit.builder();
        if (s.has("requests")) {
            long requests = s.integer("requests", 0);
            if (requests < 1) {
                throw Errors.at(s.get("requests"), "requests must be at least 1", "a positive integer");
            }
            Duration per = Durations.read(s, "per", Duration.ofSeconds(1));
            if (per.isZero()) {
                throw Errors.at(s.get("per"), "a zero period", "a duration such as 1s");
            }
            if (s.bool("bursty", false)) {
                builder.bursty(requests, per);
            } else {
                builder.smooth(requests, per);
            }
        } else if (s.has("per") || s.has("bursty")) {
            throw Errors.at(s.has("per") ? s.get("per") : s.get("bursty"), "`per`/`bursty` without `requests`",
                    "requests: N");
        }
        builder.adaptive(s.bool("adaptive", true));
        builder.maxWait(Durations.read(s, "max_wait", RateLimit.defaults().maxWait()));
        return new RateLimitSpec(builder.build());
    }
}
