package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import java.time.Duration;
import java.util.Collection;

/** The checks of {@link WebhookReceiver.Builder}'s settings, each failing with what to do instead. */
final class BuilderChecks {

    private BuilderChecks() {
    }

    static int positive(int value, String what) {
        if (value <= 0) {
            throw new WebhookConfigException("WebhookReceiver: " + what + " must be positive, got " + value,
                    "use a positive number");
        }
        return value;
    }

    static <T> T nonNull(T value, String what) {
        if (value == null) {
            throw new WebhookConfigException("WebhookReceiver: " + what + " is null", "pass a value or leave the default");
        }
        return value;
    }

    /**
     * The deduplication TTL: {@code ttl}, or the largest tolerance plus 5 minutes when null.
     *
     * @throws WebhookConfigException if {@code ttl} is not longer than every tolerance (a replay
     *     inside the tolerance would pass)
     */
    static Duration deduplicationTtl(Collection<WebhookEndpoint> endpoints, Duration ttl) {
        Duration maxTolerance = endpoints.stream().map(e -> e.verifier().tolerance())
                .max(Duration::compareTo).orElseThrow();
        if (ttl == null) {
            return maxTolerance.plusMinutes(5);
        }
        if (ttl.compareTo(maxTolerance) <= 0) {
            throw new WebhookConfigException("WebhookReceiver: deduplicationTtl " + ttl
                    + " is not longer than the tolerance " + maxTolerance,
                    "a replay inside the tolerance would pass; use a longer TTL");
        }
        return ttl;
    }
}
