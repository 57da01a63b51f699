package dev.inlet.graphql;

import dev.inlet.core.InletException;

/**
 * The server did not run a hash-only Automatic Persisted Query: it has not seen the hash yet, or
 * does not support APQ. Not retryable by the pipeline (a retry would get the same answer); the
 * client catches it and sends the full query instead. Never reaches callers.
 */
final class PersistedQueryMiss extends InletException {

    private static final long serialVersionUID = 1L;

    private final boolean unsupported;

    PersistedQueryMiss(String what, boolean unsupported) {
        super(what, null, null);
        this.unsupported = unsupported;
    }

    /** Whether the server does not support APQ at all (so hashes are not worth sending again). */
    boolean unsupported() {
        return unsupported;
    }
}
