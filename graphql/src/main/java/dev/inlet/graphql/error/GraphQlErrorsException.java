package dev.inlet.graphql.error;

import dev.inlet.core.error.BodyErrorException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.inlet.graphql.ErrorPolicy;
import dev.inlet.graphql.GraphQlError;
import dev.inlet.graphql.GraphQlResponse;

/**
 * The server answered with GraphQL errors the client does not accept: any error under
 * {@link ErrorPolicy#FAIL_ON_ERRORS}, errors without data under
 * {@link ErrorPolicy#ACCEPT_PARTIAL_DATA}, or a throttling error ({@code THROTTLED},
 * {@code RATE_LIMITED}) that was still there after the retries the policy allows.
 *
 * <p>A throttling error is {@linkplain #isRetryable() retryable}, with the wait the server's cost
 * data asks for as {@link #retryAfter()}, so the pipeline's retry policy waits exactly that long.
 */
public class GraphQlErrorsException extends BodyErrorException {

    private static final long serialVersionUID = 1L;

    private final transient List<GraphQlError> errors;
    private final transient GraphQlResponse response;

    /**
     * An exception for a response's errors.
     *
     * @param what which call and the first errors with their paths
     * @param response the response that carried them
     * @param retryable whether the errors say to try again (throttling)
     * @param retryAfter the wait before retrying, or null for the policy's backoff
     */
    public GraphQlErrorsException(String what, GraphQlResponse response, boolean retryable, Duration retryAfter) {
        super(what, retryable, retryAfter);
        this.response = response;
        this.errors = response.errors();
    }

    /** Every error of the response, in the order the server listed them. */
    public List<GraphQlError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The response, with any partial data. */
    public Optional<GraphQlResponse> response() {
        return Optional.ofNullable(response);
    }
}
