package dev.inlet.core;

/**
 * A response with a success status whose body reports an error (errors hidden in 200s are real).
 * Raised when a body classifier says so; retried when it said retry.
 */
public class BodyErrorException extends InletException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * An exception for an error reported in a successful response's body.
     *
     * @param what what the body said and where (URL without secrets)
     * @param retryable whether the classifier asked for a retry
     */
    public BodyErrorException(String what, boolean retryable) {
        super(what, retryable ? null : "The server reported an error in a successful response; check the request",
                null);
        this.retryable = retryable;
    }

    /** Whether the classifier asked for a retry. */
    public boolean isRetryable() {
        return retryable;
    }
}
