package dev.inlet.graphql.error;

import dev.inlet.core.error.InletException;

/**
 * A GraphQL problem found locally, before or without a request: a path that cannot be read, an
 * operation name the document does not define, a variable the operation does not declare, a Relay
 * connector whose operation does not select what paging needs. Nothing was sent.
 */
public class GraphQlException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a local GraphQL problem.
     *
     * @param what what is wrong and where
     * @param hint what the caller can do, or null
     */
    public GraphQlException(String what, String hint) {
        super(what, hint, null);
    }

    /**
     * An exception for a local GraphQL problem with an underlying cause.
     *
     * @param what what is wrong and where
     * @param hint what the caller can do, or null
     * @param cause the underlying failure, or null
     */
    public GraphQlException(String what, String hint, Throwable cause) {
        super(what, hint, cause);
    }
}
