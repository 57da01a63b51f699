package dev.inlet.core.auth;

/**
 * How an OAuth2 client proves its identity to the token endpoint (RFC 6749 §2.3.1; the names are
 * the {@code token_endpoint_auth_method} values of RFC 7591).
 */
public enum ClientAuthentication {

    /**
     * HTTP Basic with the client id and secret, each form-urlencoded first as RFC 6749 §2.3.1
     * requires: {@code Authorization: Basic base64(id:secret)}. The method every server must support;
     * the default.
     */
    CLIENT_SECRET_BASIC,

    /** {@code client_id} and {@code client_secret} as parameters of the form body. */
    CLIENT_SECRET_POST
}
