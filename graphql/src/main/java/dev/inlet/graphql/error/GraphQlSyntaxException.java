package dev.inlet.graphql.error;

/**
 * A GraphQL document (an operation, or a schema in SDL) is not valid GraphQL syntax. Raised by
 * the parser before anything is sent; says the line and column of the first offending token.
 */
public class GraphQlSyntaxException extends GraphQlException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * An exception for a syntax error.
     *
     * @param what what the parser said, with the line and column
     * @param line the 1-based line of the offending token, or -1 if unknown
     * @param column the 1-based column of the offending token, or -1 if unknown
     * @param hint what the caller can do, or null
     * @param cause the parser's exception
     */
    public GraphQlSyntaxException(String what, int line, int column, String hint, Throwable cause) {
        super(what, hint, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the offending token, or -1 if the parser did not say. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending token, or -1 if the parser did not say. */
    public int column() {
        return column;
    }
}
