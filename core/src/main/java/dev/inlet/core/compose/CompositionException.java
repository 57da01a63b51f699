package dev.inlet.core.compose;

import dev.inlet.core.error.InletException;

/**
 * Composing sources failed: a substream's child run failed (under {@link OnChildFailure#FAIL}), a
 * child record cannot carry parent fields, an enrichment found no match under
 * {@link MissingMatch#FAIL}, or the wait for a concurrent fetch was interrupted. The message names
 * the parent record or key; the cause is the underlying failure.
 */
public class CompositionException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a composition that cannot go on.
     *
     * @param what what failed, for which record or key
     * @param hint what the caller can do, or null
     * @param cause the underlying failure, or null
     */
    public CompositionException(String what, String hint, Throwable cause) {
        super(what, hint, cause);
    }
}
