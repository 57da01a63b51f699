package dev.inlet.core.error;

/**
 * Paging cannot go on safely: the next position repeats one already requested (a loop), points to
 * another origin than the configured one, or cannot be read.
 */
public class PaginationException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for a paging problem.
     *
     * @param what what was wrong and where
     * @param hint what the caller can do, or null
     */
    public PaginationException(String what, String hint) {
        super(what, hint, null);
    }
}
