package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.core.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signature scheme you write yourself, for a provider Inlet does not know; wrap it with
 * {@link SignatureScheme#of(SignatureSchemeSpi)} and use it like a built-in one.
 *
 * <p>Contract: {@link #check} must compare signatures in constant time
 * ({@link java.security.MessageDigest#isEqual}), try every signature in the request against every
 * key, check a signed timestamp against {@code now ± tolerance} if the scheme has one, and answer
 * {@link FailureReason#MALFORMED_HEADER} when no signature can be decoded at all and
 * {@link FailureReason#NO_MATCHING_SIGNATURE} when none matches. It must not throw for bad input.
 * Implementations must be immutable and thread-safe. See the README for an example.
 */
public interface SignatureSchemeSpi {

    /** A short name for logs and messages. */
    String name();

    /**
     * Decodes one keyring secret into the bytes the scheme keys with; called when a verifier or
     * signer is built. The default takes the UTF-8 bytes and rejects an empty secret.
     *
     * @throws InvalidSecretException if the secret is unusable (name the key id, never the secret)
     */
    default byte[] decodeSecret(String keyId, String secret) {
        if (secret.isEmpty()) {
            throw new InvalidSecretException(keyId, name(), "the secret is empty",
                    "copy the signing secret from the provider's dashboard");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Verifies one delivery (the body size is already checked).
     *
     * @param keys the keyring's secrets, in order; a match must name one of them
     */
    SchemeCheck check(WebhookRequest request, List<SchemeKey> keys, Instant now, Duration tolerance);

    /**
     * The headers that sign {@code request} at {@code now} with {@code key}, for tests and senders.
     * The default refuses.
     */
    default Headers sign(WebhookRequest request, SchemeKey key, Instant now) {
        throw new WebhookConfigException("scheme " + name() + " cannot sign", "implement SignatureSchemeSpi.sign");
    }

    /** The provider's id of this delivery's event, for deduplication; default none. */
    default Optional<String> eventId(WebhookRequest request) {
        return Optional.empty();
    }

    /** The provider's event type; default none. */
    default Optional<String> eventType(WebhookRequest request) {
        return Optional.empty();
    }
}
