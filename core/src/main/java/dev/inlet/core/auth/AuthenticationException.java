package dev.inlet.core.auth;

import dev.inlet.core.error.InletException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Credentials could not be obtained or were refused: a token endpoint or login answered with an
 * error ({@code invalid_client}, {@code invalid_grant}, a 5xx after a few retries), answered
 * something that is not a token, or could not be reached. Carries the OAuth {@code error} code and
 * {@code error_description} (RFC 6749 §5.2) when the server sent them.
 *
 * <p>The request pipeline's retry policy never retries this exception, so a bad secret costs one
 * token request, not a retry storm. The message names the endpoint (URL without secrets) and never
 * contains a secret: server-provided text is scrubbed of every form of the secrets the request sent
 * ({@link dev.inlet.core.internal.SentSecrets}).
 */
public class AuthenticationException extends InletException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final String error;
    private final String errorDescription;
    private final Integer status;

    /**
     * An authentication failure.
     *
     * @param message what failed and where (URL without secrets)
     * @param error the OAuth {@code error} code, or null
     * @param errorDescription the OAuth {@code error_description}, or null
     * @param status the HTTP status of the failing response, or null if there was none
     * @param hint what the caller can do, or null
     * @param cause the underlying failure, or null
     */
    public AuthenticationException(String message, String error, String errorDescription, Integer status,
            String hint, Throwable cause) {
        super(message, hint, cause);
        this.what = message;
        this.error = error;
        this.errorDescription = errorDescription;
        this.status = status;
    }

    /** The OAuth {@code error} code, such as {@code invalid_client}, if the server sent one. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The OAuth {@code error_description}, if the server sent one (scrubbed of secrets). */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /** The HTTP status of the failing response, if there was a response. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /**
     * A copy for another thread that waited on the same token request, so that no two threads
     * annotate one exception instance.
     */
    AuthenticationException copyForWaiter() {
        return new AuthenticationException(what, error, errorDescription, status, hint().orElse(null), this);
    }

    /** The hint for an OAuth error code (RFC 6749 §5.2), or a general one. */
    static String hintFor(String error) {
        if (error == null) {
            return "Check the endpoint URL and the credentials configured for this connector";
        }
        return switch (error) {
            case "invalid_client" -> "The client id or secret was rejected, or the client authentication method "
                    + "(client_secret_basic or client_secret_post) is not the one the server expects";
            case "invalid_grant" -> "The refresh token or other grant is invalid, expired or revoked; "
                    + "authorize again to obtain a new one";
            case "unauthorized_client" -> "This client may not use this grant type; check the client's settings "
                    + "at the authorization server";
            case "unsupported_grant_type" -> "The server does not support this grant type";
            case "invalid_scope" -> "Request only scopes the client is allowed";
            case "invalid_request" -> "The token request was malformed or lacks a required parameter "
                    + "(such as audience); check the extra parameters";
            default -> "Check the credentials configured for this connector";
        };
    }
}
