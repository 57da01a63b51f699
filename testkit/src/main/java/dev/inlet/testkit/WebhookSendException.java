package dev.inlet.testkit;

import dev.inlet.core.error.InletException;

/** A {@link WebhookSender} could not finish a send (interrupted); the message names the target. */
public class WebhookSendException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause the underlying failure
     */
    public WebhookSendException(String message, Throwable cause) {
        super(message, "let the send finish, or do not interrupt the sending thread", cause);
    }
}
