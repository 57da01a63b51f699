package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.core.Headers;
import java.time.Clock;
import java.util.List;

/**
 * Signs outgoing webhooks with any {@link SignatureScheme}: for applications that send webhooks,
 * and for tests of receivers. Immutable and thread-safe.
 *
 * <p>Schemes whose header holds several signatures (Standard Webhooks, Stripe) sign with every key
 * of the keyring, which is how a sender rotates secrets; the others sign with the first key. For
 * Standard Webhooks the request must carry a {@code webhook-id} header, and Ed25519 signing needs a
 * {@code whsk_} key ({@code whpk_} keys can only verify).
 */
public final class WebhookSigner {

    private final SignatureScheme scheme;
    private final Keyring keyring;
    private final List<KeyMaterial> keys;
    private final Clock clock;

    private WebhookSigner(SignatureScheme scheme, Keyring keyring, List<KeyMaterial> keys, Clock clock) {
        this.scheme = scheme;
        this.keyring = keyring;
        this.keys = keys;
        this.clock = clock;
    }

    /** A builder for a signer of {@code scheme}. */
    public static Builder builder(SignatureScheme scheme) {
        return new Builder(scheme);
    }

    /**
     * The headers that sign this request now: the signature and, where the scheme has one, the
     * timestamp header.
     *
     * @throws WebhookConfigException if the scheme needs something the request lacks (a
     *     {@code webhook-id} for Standard Webhooks)
     */
    public Headers signatureHeaders(WebhookRequest request) {
        if (request == null) {
            throw new WebhookConfigException("WebhookSigner: the request is null", "pass the request to sign");
        }
        return scheme.sign(request, keys, clock.instant());
    }

    /** The request with the signature headers set, replacing any previous values of those headers. */
    public WebhookRequest sign(WebhookRequest request) {
        Headers signature = signatureHeaders(request);
        Headers.Builder headers = request.headers().toBuilder();
        for (String name : signature.names()) {
            headers.remove(name);
        }
        headers.addAll(signature);
        return WebhookRequest.owning(request.method(), request.url(), headers.build(), request.rawBody());
    }

    /** The scheme. */
    public SignatureScheme scheme() {
        return scheme;
    }

    /** Scheme and key ids; never a secret. */
    @Override
    public String toString() {
        return "WebhookSigner[" + scheme.name() + ", keys=" + keyring.keyIds() + "]";
    }

    /** Builds a {@link WebhookSigner}; not thread-safe. */
    public static final class Builder {
        private final SignatureScheme scheme;
        private Keyring keyring;
        private Clock clock = Clock.systemUTC();

        private Builder(SignatureScheme scheme) {
            if (scheme == null) {
                throw new WebhookConfigException("WebhookSigner: the scheme is null",
                        "pass one of the SignatureScheme factories");
            }
            this.scheme = scheme;
        }

        /** The signing secrets; required. */
        public Builder keyring(Keyring keyring) {
            this.keyring = keyring;
            return this;
        }

        /** Shorthand for {@code keyring(Keyring.of(secret))}. */
        public Builder secret(String secret) {
            return keyring(Keyring.of(secret));
        }

        /** The clock for signed timestamps; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new WebhookConfigException("WebhookSigner: clock is null", "pass Clock.systemUTC()");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The signer.
         *
         * @throws InvalidSecretException if a secret is invalid for the scheme
         * @throws WebhookConfigException if no key can sign (only {@code whpk_} public keys)
         */
        public WebhookSigner build() {
            List<KeyMaterial> all = WebhookVerifier.prepare(scheme, keyring, "WebhookSigner");
            List<KeyMaterial> signing = all.stream().filter(KeyMaterial::canSign).toList();
            if (signing.isEmpty()) {
                throw new WebhookConfigException("WebhookSigner for " + scheme.name() + ": no key can sign",
                        "public keys (whpk_) only verify; sign with the whsk_ secret key");
            }
            return new WebhookSigner(scheme, keyring, signing, clock);
        }
    }
}
