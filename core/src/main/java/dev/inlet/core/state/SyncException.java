package dev.inlet.core.state;

import dev.inlet.core.error.InletException;

/**
 * A record cannot be synced: its primary key or incremental cursor is missing or unreadable. The
 * record is not delivered; the run stops at it and its state points at it, so fixing the
 * configuration (or the data) and running again loses nothing.
 */
public class SyncException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a record that cannot be synced.
     *
     * @param what what is wrong with which record
     * @param hint what the caller can do, or null
     */
    public SyncException(String what, String hint) {
        super(what, hint, null);
    }
}
