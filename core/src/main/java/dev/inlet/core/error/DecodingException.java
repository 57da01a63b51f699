package dev.inlet.core.error;

import java.util.Optional;

/**
 * A response body could not be turned into records: wrong or missing content type, HTML instead of
 * JSON, an empty body, malformed or truncated data, or the records path missing from the body.
 */
public class DecodingException extends InletException {

    private static final long serialVersionUID = 1L;

    private final long byteOffset;
    private final String bodyExcerpt;
    private final boolean retryable;

    /**
     * An exception for a body that could not be decoded, retryable: a truncated or malformed body is
     * usually a passing fault (a proxy, a dropped connection).
     *
     * @param what what was wrong and where (URL without secrets, JSON pointer)
     * @param byteOffset where in the body the problem was found, or -1 if unknown
     * @param bodyExcerpt the first bytes of the body as text, or empty
     * @param hint what the caller can do, or null
     * @param cause the parser's exception, or null
     */
    public DecodingException(String what, long byteOffset, String bodyExcerpt, String hint, Throwable cause) {
        this(what, byteOffset, bodyExcerpt, hint, cause, true);
    }

    /**
     * An exception for a body that could not be decoded.
     *
     * @param what what was wrong and where (URL without secrets, JSON pointer)
     * @param byteOffset where in the body the problem was found, or -1 if unknown
     * @param bodyExcerpt the first bytes of the body as text, or empty
     * @param hint what the caller can do, or null
     * @param cause the parser's exception, or null
     * @param retryable whether another attempt may succeed; false for problems of configuration
     *     (records path missing, not an array, an unsupported content type) and for bodies a retry
     *     would get again byte for byte (an HTML page with 200, invalid UTF-8, a limit exceeded)
     */
    public DecodingException(String what, long byteOffset, String bodyExcerpt, String hint, Throwable cause,
            boolean retryable) {
        super(what + (byteOffset >= 0 ? " at byte " + byteOffset : "")
                + (bodyExcerpt == null || bodyExcerpt.isEmpty() ? "" : "; body starts: " + bodyExcerpt),
                hint, cause);
        this.byteOffset = byteOffset;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        this.retryable = retryable;
    }

    /** Whether another attempt may succeed (a passing fault rather than a configuration problem). */
    public boolean isRetryable() {
        return retryable;
    }

    /** Where in the body the problem was found, if known. */
    public Optional<Long> byteOffset() {
        return byteOffset < 0 ? Optional.empty() : Optional.of(byteOffset);
    }

    /** The first bytes of the body, as text, scrubbed of secrets Inlet sent. */
    public String bodyExcerpt() {
        return scrubbed(bodyExcerpt);
    }
}
