package dev.inlet.webhooks.verify;

import dev.inlet.core.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link SignatureSchemeSpi} as a {@link SignatureScheme}; see {@link SignatureScheme#of}. */
final class SpiScheme extends SignatureScheme {

    private static final Logger LOG = LoggerFactory.getLogger(SpiScheme.class);

    private final SignatureSchemeSpi spi;

    SpiScheme(SignatureSchemeSpi spi) {
        this.spi = spi;
    }

    @Override
    public String name() {
        return spi.name();
    }

    @Override
    KeyMaterial prepare(String keyId, String secret) {
        byte[] bytes = spi.decodeSecret(keyId, secret);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidSecretException(keyId, name(), "the scheme decoded it to nothing",
                    "check the secret, or the scheme's decodeSecret");
        }
        return KeyMaterial.secret(keyId, bytes);
    }

    @Override
    VerificationResult verify(WebhookRequest request, List<KeyMaterial> keys, Instant now, Duration tolerance) {
        List<SchemeKey> schemeKeys = new ArrayList<>(keys.size());
        for (KeyMaterial key : keys) {
            schemeKeys.add(key.secret);
        }
        SchemeCheck check;
        try {
            check = spi.check(request, List.copyOf(schemeKeys), now, tolerance);
        } catch (RuntimeException bug) {
            // The type only: a scheme's message could quote the request or the secret.
            LOG.warn("Signature scheme {} threw {} while checking a delivery; it is refused", name(),
                    bug.getClass().getName());
            return VerificationResult.failure(FailureReason.MALFORMED_HEADER,
                    "scheme " + name() + " failed on this request (" + bug.getClass().getSimpleName() + ")");
        }
        if (check == null) {
            return VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE, "scheme " + name() + " gave no answer");
        }
        if (check.key == null) {
            return VerificationResult.failure(check.reason, check.detail);
        }
        // Only a key of this verifier's keyring (the very instance handed out) can be named.
        for (SchemeKey key : schemeKeys) {
            if (key == check.key) {
                return VerificationResult.valid(key.id(), check.signedAt);
            }
        }
        return VerificationResult.failure(FailureReason.NO_MATCHING_SIGNATURE,
                "scheme " + name() + " named a key that is not in the keyring");
    }

    @Override
    Headers sign(WebhookRequest request, List<KeyMaterial> keys, Instant now) {
        return spi.sign(request, keys.get(0).secret, now);
    }

    @Override
    Optional<String> eventId(WebhookRequest request) {
        return spi.eventId(request);
    }

    @Override
    Optional<String> eventType(WebhookRequest request) {
        return spi.eventType(request);
    }
}
