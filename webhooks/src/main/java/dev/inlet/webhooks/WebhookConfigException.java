package dev.inlet.webhooks;

import dev.inlet.webhooks.verify.VerificationResult;
import dev.inlet.core.error.InletException;

/**
 * A webhook verifier, signer, receiver or inbox was configured wrongly: a missing setting, a value
 * out of range, a signer asked to sign without what its scheme signs. Thrown when the object is
 * built or used wrongly, never for a bad incoming request (those get a {@link VerificationResult}).
 */
public class WebhookConfigException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param message what is wrong and where
     * @param hint what to do about it
     */
    public WebhookConfigException(String message, String hint) {
        super(message, hint, null);
    }

    /**
     * An exception with a cause.
     *
     * @param message what is wrong and where
     * @param hint what to do about it
     * @param cause the underlying failure
     */
    public WebhookConfigException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
