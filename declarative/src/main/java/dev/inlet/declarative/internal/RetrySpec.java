package dev.inlet.declarative.internal;

import dev.inlet.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * <b>Internal.</b> A definition's retry overrides ({@code retry:}) over core's {@link RetryPolicy}
 * defaults: {@code max_attempts}, {@code initial_delay}/{@code max_delay} (backoff), {@code budget},
 * {@code statuses} (the retryable HTTP statuses). Immutable.
 *
 * @param policy the policy
 */
public record RetrySpec(RetryPolicy policy) {

    static RetrySpec read(Node node) {
        Section s = Section.of(node, "retry", "max_attempts", "initial_delay", "max_delay", "budget", "statuses");
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy.Builder builder = defaults.toBuilder();
        if (s.has("max_attempts")) {
            long attempts = s.integer("max_attempts", defaults.maxAttempts());
            if (attempts < 1 || attempts > 100) {
                throw Errors.at(s.get("max_attempts"), "max_attempts " + attempts + " is out of range", "1 to 100");
            }
            builder.maxAttempts((int) attempts);
        }
        Duration initial = Durations.read(s, "initial_delay", defaults.initialDelay());
        Duration max = Durations.read(s, "max_delay", defaults.maxDelay());
        if (max.compareTo(initial) < 0) {
            throw Errors.at(s.has("max_delay") ? s.get("max_delay") : s.get("initial_delay"),
                    "max_delay is below initial_delay", "max_delay >= initial_delay");
        }
        builder.backoff(initial, max);
        if (s.has("budget")) {
            builder.budget(Durations.read(s, "budget", defaults.budget()));
        }
        if (s.has("statuses")) {
            Set<Integer> statuses = new LinkedHashSet<>();
            for (String status : s.words("statuses")) {
                try {
                    int code = Integer.parseInt(status);
                    if (code < 100 || code > 599) {
                        throw new NumberFormatException();
                    }
                    statuses.add(code);
                } catch (NumberFormatException e) {
                    throw Errors.at(s.get("statuses"), "`" + status + "` is not an HTTP status", "100 to 599");
                }
            }
            builder.retryableStatuses(statuses);
        }
        return new RetrySpec(builder.build());
    }
}
