package dev.inlet.graphql.error;

import java.util.List;
import dev.inlet.graphql.GraphQlError;

/**
 * A GraphQL operation does not fit the schema it was checked against (an unknown field, a wrong
 * argument type, a missing required variable), or a schema could not be built. Raised before
 * anything is sent. Each problem is a {@link GraphQlError} with its locations in the document.
 */
public class GraphQlValidationException extends GraphQlException {

    private static final long serialVersionUID = 1L;

    private final transient List<GraphQlError> problems;

    /**
     * An exception for a document that failed validation.
     *
     * @param what which document and why, with the first problems and their locations
     * @param problems every problem found
     * @param hint what the caller can do, or null
     */
    public GraphQlValidationException(String what, List<GraphQlError> problems, String hint) {
        super(what, hint);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<GraphQlError> problems() {
        return problems;
    }
}
