package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the OAuth2 grants share: the token endpoint, the client's id and secret and how it
 * authenticates there, scopes and extra form parameters. The builders of
 * {@link OAuth2ClientCredentials} and {@link OAuth2RefreshToken} extend it. Not thread-safe.
 *
 * <p>Defaults: {@code client_secret_basic}; no scopes (client credentials: the client's default
 * scopes; refresh: the scopes already granted); no extra parameters.
 *
 * @param <B> the concrete builder
 */
public abstract class OAuth2Builder<B extends OAuth2Builder<B>> extends TokenCredentialsBuilder<B> {

    URI tokenUrl;
    String clientId;
    Secret clientSecret;
    ClientAuthentication method = ClientAuthentication.CLIENT_SECRET_BASIC;
    final List<String> scopes = new ArrayList<>();
    final Map<String, String> params = new LinkedHashMap<>();

    OAuth2Builder() {
    }

    /** The token endpoint. Required. */
    public B tokenUrl(URI tokenUrl) {
        this.tokenUrl = OAuth2Settings.checkedUrl(tokenUrl, "token URL");
        return self();
    }

    /** The token endpoint. Required. */
    public B tokenUrl(String tokenUrl) {
        return tokenUrl(URI.create(Objects.requireNonNull(tokenUrl, "tokenUrl")));
    }

    /** The client id. Required. */
    public B clientId(String clientId) {
        this.clientId = OAuth2Settings.checkedClientId(clientId);
        return self();
    }

    /**
     * The client secret: required for client credentials; leave it unset for a public client
     * refreshing a token.
     */
    public B clientSecret(Secret clientSecret) {
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        return self();
    }

    /** How the client authenticates at the token endpoint. Default {@code client_secret_basic}. */
    public B clientAuthentication(ClientAuthentication method) {
        this.method = Objects.requireNonNull(method, "method");
        return self();
    }

    /** Scopes to request, sent space-separated as {@code scope}. Default none. */
    public B scopes(String... scopes) {
        this.scopes.addAll(OAuth2Settings.checkedScopes(scopes));
        return self();
    }

    /** An extra form parameter of the token request, such as {@code resource} (RFC 8707). */
    public B param(String name, String value) {
        OAuth2Settings.checkedParam(params, name, value);
        return self();
    }
}
