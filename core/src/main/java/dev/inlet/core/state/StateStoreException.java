package dev.inlet.core.state;

import dev.inlet.core.error.InletException;

/**
 * A connector state could not be read or written: an I/O failure, or a stored state that is
 * corrupt. The message names the connector and, for files, the file. A corrupt state is never
 * silently ignored, since starting over would fetch (and deliver) everything again.
 */
public class StateStoreException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a state that cannot be read or written.
     *
     * @param what what failed, for which connector and where
     * @param hint what the caller can do, or null
     * @param cause the underlying failure, or null
     */
    public StateStoreException(String what, String hint, Throwable cause) {
        super(what, hint, cause);
    }
}
