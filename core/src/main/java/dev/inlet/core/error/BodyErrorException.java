package dev.inlet.core.error;

/**
 * A response with a success status whose body reports an error (errors hidden in 200s are real).
 * Raised when a body classifier says so; retried when it said retry.
 */
public class BodyErrorException extends InletException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final java.time.Duration retryAfter;

    /**
     * An exception for an error reported in a successful response's body.
     *
     * @param what what the body said and where (URL without secrets)
     * @param retryable whether the classifier asked for a retry
     */
    public BodyErrorException(String what, boolean retryable) {
        this(what, retryable, null);
    }

    /**
     * An exception for an error reported in a successful response's body, with the wait the body
     * asks for (e.g. a GraphQL THROTTLED error whose cost budget refills in 1.2 s). The retry policy
     * honours it like a {@code Retry-After} header.
     *
     * @param what what the body said and where (URL without secrets)
     * @param retryable whether the request may be retried
     * @param retryAfter how long to wait before retrying, or null to use the policy's backoff
     */
    public BodyErrorException(String what, boolean retryable, java.time.Duration retryAfter) {
        super(what, retryable ? null : "The server reported an error in a successful response; check the request",
                null);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The wait the body asked for before a retry, if it said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** Whether the classifier asked for a retry. */
    public boolean isRetryable() {
        return retryable;
    }
}
