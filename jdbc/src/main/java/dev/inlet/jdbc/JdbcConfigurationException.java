package dev.inlet.jdbc;

import dev.inlet.core.error.InletException;

/**
 * A source, sink or history that cannot work as configured, found when it is built (before any row is read
 * or written): a query without a stable order key, a nullable cursor column, a table whose columns do not
 * fit the records, a value the sink cannot store without losing part of it. The message says what to change.
 */
public class JdbcConfigurationException extends InletException {

    private static final long serialVersionUID = 1L;

    /** A configuration error that says what to change. */
    public JdbcConfigurationException(String message) {
        super(message);
    }
}
