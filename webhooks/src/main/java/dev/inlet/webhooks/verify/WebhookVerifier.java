package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies deliveries of one endpoint: one {@link SignatureScheme}, one {@link Keyring}. Pure (no
 * I/O), immutable and thread-safe; build one per endpoint at start-up and share it.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.stripe())
 *         .keyring(Keyring.of(System.getenv("STRIPE_WEBHOOK_SECRET")))
 *         .build();
 * VerificationResult result = verifier.verify(WebhookRequest.post(url, headers, bodyBytes));
 * }</pre>
 */
public final class WebhookVerifier {

    /** Default timestamp tolerance, either way: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Default maximum body: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final SignatureScheme scheme;
    private final Keyring keyring;
    private final List<KeyMaterial> keys;
    private final Duration tolerance;
    private final Clock clock;
    private final int maxBodyBytes;

    private WebhookVerifier(Builder b, List<KeyMaterial> keys) {
        this.scheme = b.scheme;
        this.keyring = b.keyring;
        this.keys = keys;
        this.tolerance = b.tolerance;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** A builder for a verifier of {@code scheme}. */
    public static Builder builder(SignatureScheme scheme) {
        return new Builder(scheme);
    }

    /**
     * Verifies one delivery: body size, required headers, timestamp within the tolerance (past and
     * future), then every signature in the request against every key, in constant time per
     * comparison. Never throws for bad input.
     *
     * @throws WebhookConfigException if the request is null
     */
    public VerificationResult verify(WebhookRequest request) {
        if (request == null) {
            throw new WebhookConfigException("WebhookVerifier.verify: the request is null",
                    "build one with WebhookRequest.of(method, url, headers, body)");
        }
        if (request.bodyLength() > maxBodyBytes) {
            return VerificationResult.failure(FailureReason.BODY_TOO_LARGE,
                    "body has " + request.bodyLength() + " bytes; the limit is " + maxBodyBytes);
        }
        return scheme.verify(request, keys, clock.instant(), tolerance);
    }

    /**
     * The provider's id of the event (such as {@code webhook-id}, {@code X-GitHub-Delivery}, or the
     * Stripe event id from the body), if the scheme and the request carry one.
     */
    public Optional<String> eventId(WebhookRequest request) {
        return scheme.eventId(request);
    }

    /** The provider's event type (such as {@code invoice.paid} or {@code push}), if present. */
    public Optional<String> eventType(WebhookRequest request) {
        return scheme.eventType(request);
    }

    /** The scheme. */
    public SignatureScheme scheme() {
        return scheme;
    }

    /** The ids of the keys, in order. */
    public List<String> keyIds() {
        return keyring.keyIds();
    }

    /** The timestamp tolerance, applied both ways. */
    public Duration tolerance() {
        return tolerance;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The largest body accepted, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Scheme, key ids and tolerance; never a secret. */
    @Override
    public String toString() {
        return "WebhookVerifier[" + scheme.name() + ", keys=" + keyring.keyIds() + ", tolerance=" + tolerance + "]";
    }

    /** Builds a {@link WebhookVerifier}; not thread-safe. */
    public static final class Builder {
        private final SignatureScheme scheme;
        private Keyring keyring;
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder(SignatureScheme scheme) {
            if (scheme == null) {
                throw new WebhookConfigException("WebhookVerifier: the scheme is null",
                        "pass one of the SignatureScheme factories, e.g. SignatureScheme.stripe()");
            }
            this.scheme = scheme;
        }

        /** The secrets; required. Every secret is checked against the scheme by {@link #build()}. */
        public Builder keyring(Keyring keyring) {
            this.keyring = keyring;
            return this;
        }

        /** Shorthand for {@code keyring(Keyring.of(secret))}. */
        public Builder secret(String secret) {
            return keyring(Keyring.of(secret));
        }

        /** How far the signed timestamp may be from now, past or future; default 5 minutes; must be positive. */
        public Builder tolerance(Duration tolerance) {
            if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
                throw new WebhookConfigException("WebhookVerifier: tolerance must be positive, got " + tolerance,
                        "use e.g. Duration.ofMinutes(5)");
            }
            this.tolerance = tolerance;
            return this;
        }

        /** The clock that says what "now" is; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new WebhookConfigException("WebhookVerifier: clock is null", "pass Clock.systemUTC()");
            }
            this.clock = clock;
            return this;
        }

        /** The largest body accepted, in bytes; default 1 MiB; must be positive. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes <= 0) {
                throw new WebhookConfigException("WebhookVerifier: maxBodyBytes must be positive, got " + maxBodyBytes,
                        "use e.g. 1 << 20");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * The verifier.
         *
         * @throws InvalidSecretException if a secret is not valid for the scheme (not base64, wrong
         *     length, empty); the message names the key id, never the secret
         * @throws WebhookConfigException if no keyring was set
         */
        public WebhookVerifier build() {
            return new WebhookVerifier(this, prepare(scheme, keyring, "WebhookVerifier"));
        }
    }

    static List<KeyMaterial> prepare(SignatureScheme scheme, Keyring keyring, String who) {
        if (keyring == null) {
            throw new WebhookConfigException(who + " for " + scheme.name() + " has no keyring",
                    "call keyring(Keyring.of(secret)) or secret(secret)");
        }
        List<KeyMaterial> keys = new ArrayList<>(keyring.size());
        for (Map.Entry<String, String> entry : keyring.entries()) {
            keys.add(scheme.prepare(entry.getKey(), entry.getValue()));
        }
        return List.copyOf(keys);
    }
}
