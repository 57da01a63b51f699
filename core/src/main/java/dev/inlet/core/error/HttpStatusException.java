package dev.inlet.core.error;

import java.util.Optional;
import dev.inlet.core.ResponseInfo;

/**
 * The server answered with a status that is not a success and was not (or no longer) retried.
 * Carries the status, the response facts and a bounded excerpt of the body.
 */
public class HttpStatusException extends InletException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseInfo response;
    private final String bodyExcerpt;

    /**
     * An exception for an unsuccessful response.
     *
     * @param response the response facts
     * @param bodyExcerpt the first bytes of the body as text (already bounded), or empty
     * @param hint what the caller can do, or null for a default hint by status
     */
    public HttpStatusException(ResponseInfo response, String bodyExcerpt, String hint) {
        super("HTTP " + response.status() + " from " + response.method() + " " + response.redactedUri()
                + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt),
                hint != null ? hint : defaultHint(response.status()), null);
        this.response = response;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /** The HTTP status code. */
    public int status() {
        return response.status();
    }

    /** The response facts (status, headers, timing). */
    public ResponseInfo response() {
        return response;
    }

    /** The first bytes of the body, as text, scrubbed of secrets Inlet sent; empty if there was none. */
    public String bodyExcerpt() {
        return scrubbed(bodyExcerpt);
    }

    /** The {@code Retry-After} header, if the server sent one. */
    public Optional<String> retryAfter() {
        return response.headers().first("Retry-After");
    }

    private static String defaultHint(int status) {
        if (status == 401) {
            return "Check the credentials configured for this connector";
        }
        if (status == 403) {
            return "The credentials lack permission for this resource, or a rate limit was hit";
        }
        if (status == 404) {
            return "Check the base URL and path";
        }
        if (status == 429) {
            return "The server is rate limiting; configure a client-side rate limit or a longer retry budget";
        }
        if (status >= 500) {
            return "The server failed; retrying later may succeed";
        }
        if (status >= 400) {
            return "The server rejected the request; check its parameters";
        }
        return null;
    }
}
