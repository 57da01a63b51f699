package dev.inlet.webhooks.verify;

import dev.inlet.webhooks.WebhookConfigException;

/**
 * A keyring secret cannot be used by its scheme: not valid base64, the wrong prefix, outside the
 * allowed length, empty. Thrown when the verifier or signer is built, so a bad secret fails at
 * start-up instead of rejecting every delivery. The message names the key id and the scheme, never
 * the secret.
 */
public class InvalidSecretException extends WebhookConfigException {

    private static final long serialVersionUID = 1L;

    private final String keyId;

    /**
     * An exception.
     *
     * @param keyId the keyring id of the bad secret
     * @param scheme the scheme's name
     * @param problem what is wrong, without the secret
     * @param hint what to do
     */
    public InvalidSecretException(String keyId, String scheme, String problem, String hint) {
        super("secret '" + keyId + "' cannot be used for " + scheme + ": " + problem, hint);
        this.keyId = keyId;
    }

    /** The keyring id of the secret that was rejected. */
    public String keyId() {
        return keyId;
    }
}
