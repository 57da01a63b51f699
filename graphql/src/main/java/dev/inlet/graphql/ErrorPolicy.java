package dev.inlet.graphql;

import dev.inlet.graphql.error.GraphQlErrorsException;

/** What a client does with a response whose {@code errors} list is not empty. */
public enum ErrorPolicy {

    /**
     * Any error fails the call with a {@link GraphQlErrorsException} listing the errors and their
     * paths. The default: data with holes is not silently delivered.
     */
    FAIL_ON_ERRORS,

    /**
     * Errors beside data are accepted: the response (or page) is returned, and each error is
     * available by its path ({@link GraphQlResponse#errorsAt(String)},
     * {@link GraphQlResponse#isNullBecauseOfError(String)}). A response with errors and no data
     * still fails: there is nothing to accept.
     */
    ACCEPT_PARTIAL_DATA
}
