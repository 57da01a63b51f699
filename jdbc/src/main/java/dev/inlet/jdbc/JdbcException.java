package dev.inlet.jdbc;

import dev.inlet.core.error.InletException;

/**
 * A database refused or could not run what Inlet asked (connection lost, constraint violated, a statement
 * failed). The message names the table or query and the SQL state; the cause is the driver's
 * {@link java.sql.SQLException}. Nothing of a failed page is committed: rerun to resume.
 */
public class JdbcException extends InletException {

    private static final long serialVersionUID = 1L;

    /** A failure with what to do about it. */
    public JdbcException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
