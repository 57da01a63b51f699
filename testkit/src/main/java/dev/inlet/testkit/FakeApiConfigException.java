package dev.inlet.testkit;

import dev.inlet.core.error.InletException;

/** A test kit object was configured with a value it cannot use; the message says which and what to do. */
public class FakeApiConfigException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     * @param hint what to do instead
     */
    public FakeApiConfigException(String message, String hint) {
        super(message, hint, null);
    }

    /**
     * @param message what is wrong and where
     * @param hint what to do instead
     * @param cause the underlying failure
     */
    public FakeApiConfigException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
