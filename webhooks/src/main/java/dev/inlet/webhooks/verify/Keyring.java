package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of one endpoint, each under an id of the caller's choosing ({@code "2024-06"},
 * {@code "current"}). Several may be active at once so a secret can be rotated without downtime:
 * add the new one, wait until {@link VerificationResult#keyId()} no longer reports the old one,
 * then remove it.
 *
 * <p>Order matters only for signing: schemes whose header carries one signature sign with the
 * first key. Immutable and thread-safe; {@link #toString()} shows ids only.
 */
public final class Keyring {

    /** The id {@link #of(String)} gives its single secret. */
    public static final String DEFAULT_KEY_ID = "primary";

    private final Map<String, String> secrets;

    private Keyring(Map<String, String> secrets) {
        this.secrets = Collections.unmodifiableMap(secrets);
    }

    /** A keyring with one secret under the id {@value #DEFAULT_KEY_ID}. */
    public static Keyring of(String secret) {
        return builder().add(DEFAULT_KEY_ID, secret).build();
    }

    /** A builder for a keyring. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these keys, to add or remove one during rotation. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.secrets.putAll(secrets);
        return builder;
    }

    /** The key ids, in order. */
    public List<String> keyIds() {
        return List.copyOf(secrets.keySet());
    }

    /** The number of keys. */
    public int size() {
        return secrets.size();
    }

    /** Ids and secrets, in order, for the verifier and signer in this package. */
    List<Map.Entry<String, String>> entries() {
        return new ArrayList<>(secrets.entrySet());
    }

    /** The ids only, e.g. {@code Keyring[current, old]}. */
    @Override
    public String toString() {
        return "Keyring" + secrets.keySet();
    }

    /** Builds a {@link Keyring}; not thread-safe. */
    public static final class Builder {
        private final LinkedHashMap<String, String> secrets = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a secret.
         *
         * @param keyId the id reported when this secret matches; non-blank and unique
         * @param secret the secret as the provider shows it (with any {@code whsec_}/{@code whpk_}
         *     prefix); its format is checked when a verifier or signer is built, against its scheme
         * @throws WebhookConfigException if the id is blank or already used, or the secret is null
         */
        public Builder add(String keyId, String secret) {
            if (keyId == null || keyId.isBlank()) {
                throw new WebhookConfigException("Keyring: a key id must not be blank",
                        "name each secret, e.g. add(\"2024-06\", secret)");
            }
            if (secret == null) {
                throw new WebhookConfigException("Keyring: secret '" + keyId + "' is null",
                        "pass the secret as the provider shows it");
            }
            if (secrets.containsKey(keyId)) {
                throw new WebhookConfigException("Keyring: key id '" + keyId + "' is used twice",
                        "give each secret its own id");
            }
            secrets.put(keyId, secret);
            return this;
        }

        /** Removes the key with this id, if present. */
        public Builder remove(String keyId) {
            secrets.remove(keyId);
            return this;
        }

        /**
         * The keyring.
         *
         * @throws WebhookConfigException if no key was added
         */
        public Keyring build() {
            if (secrets.isEmpty()) {
                throw new WebhookConfigException("Keyring: no secret was added",
                        "add at least one secret with add(id, secret)");
            }
            return new Keyring(new LinkedHashMap<>(secrets));
        }
    }
}
