package dev.inlet.core.error;

import dev.inlet.core.ReadLimits;

/**
 * A response went past one of the {@link ReadLimits}: too many bytes, too long to read, a record,
 * string, number or nesting too large, or a compressed body that expands too far. Not retryable: the
 * same request would get the same body. The message names the limit, its value, the URL without
 * secrets and where in the body; {@link #setting()} names the setting to change.
 */
public class LimitExceededException extends DecodingException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * An exception for a limit that was exceeded.
     *
     * @param what what went past which limit, and where (URL without secrets, JSON pointer)
     * @param setting the {@link ReadLimits} setting to change, e.g. {@code maxBodyBytes}
     * @param byteOffset where in the body, or -1 if unknown
     * @param bodyExcerpt the first bytes of the body, or empty
     * @param cause the parser's exception, or null
     */
    public LimitExceededException(String what, String setting, long byteOffset, String bodyExcerpt, Throwable cause) {
        super(what, byteOffset, bodyExcerpt, "If the server's responses are really this large, raise it with "
                + "ReadLimits.builder()." + setting + "(...) on HttpPipeline.Builder.limits(...), "
                + "RestConnector.Builder.limits(...) or GraphQlClient.Builder.limits(...)", cause, false);
        this.setting = setting;
    }

    /** The {@link ReadLimits} setting that was exceeded, e.g. {@code maxBodyBytes}. */
    public String setting() {
        return setting;
    }
}
