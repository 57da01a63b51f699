package dev.inlet.core.error;

/**
 * A request was to go to an origin the caller did not allow: a redirect of a data request, or a
 * next-page URL, pointing to another scheme, host or port. Records from another origin would be
 * delivered as the API's, so Inlet stops instead; allow the origin ({@code allowOrigin(...)} on
 * the connector builder, {@code allowRedirectsTo(...)} on a pipeline) if it is trusted. Never
 * retried.
 */
public class OriginRefusedException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what pointed where (URLs without secrets)
     * @param hint how to allow the origin
     */
    public OriginRefusedException(String message, String hint) {
        super(message, hint, null);
    }
}
