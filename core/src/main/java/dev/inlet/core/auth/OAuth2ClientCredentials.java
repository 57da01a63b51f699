package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4): the client authenticates with its id and secret
 * at the token endpoint and sends the access token it gets as {@code Authorization: Bearer} to the
 * API's origin.
 *
 * <p>The token is cached until {@code expires_in} minus a renewal margin (60 s by default, at most
 * half the token's lifetime); renewal is single flight (N threads needing a token cause one token
 * request) and goes over its own HTTP path, outside the data pipeline's rate and concurrency
 * limits. A 401 from the API renews the token once and replays the request once. Token endpoint
 * failures surface as {@link AuthenticationException} with the OAuth error code and description.
 *
 * <pre>{@code
 * Credentials credentials = OAuth2ClientCredentials.builder()
 *         .origin(Origin.of("https://api.example.com"))
 *         .tokenUrl("https://auth.example.com/oauth/token")
 *         .clientId("inlet-sync")
 *         .clientSecret(Secret.fromEnvironment("CLIENT_SECRET"))
 *         .scopes("items:read")
 *         .build();
 * }</pre>
 */
public final class OAuth2ClientCredentials implements Credentials, AsyncInterceptor {

    private final TokenCredentials delegate;
    private final String description;

    private OAuth2ClientCredentials(Builder b) {
        OAuth2TokenEndpoint endpoint = new OAuth2TokenEndpoint(b.tokenUrl, b.clientId, b.clientSecret, b.method,
                new TokenHttp(b.settings));
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "client_credentials");
        if (!b.scopes.isEmpty()) {
            grant.put("scope", String.join(" ", b.scopes));
        }
        grant.putAll(b.params);
        Map<String, String> form = Collections.unmodifiableMap(grant);
        TokenCache cache = new TokenCache(() -> endpoint.request(form, List.of()), b.settings.clock, b.settings.skew);
        this.delegate = new TokenCredentials(b.origin, cache, "Authorization", "Bearer ");
        this.description = "OAuth2ClientCredentials[client " + b.clientId + " at " + Request.builder(b.tokenUrl).build()
                .redactedUri() + ", " + b.method + ", for " + b.origin + "]";
    }

    /** A builder; origin, token URL, client id and client secret are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean appliesTo(Origin origin) {
        return delegate.appliesTo(origin);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return delegate.intercept(chain);
    }

    @Override
    public CompletableFuture<Response> interceptAsync(AsyncChain chain) {
        return delegate.interceptAsync(chain);
    }

    /** Token requests made so far (each one a request to the token endpoint, retries aside). */
    public int tokenRequests() {
        return delegate.cache().fetches();
    }

    TokenCache cache() {
        return delegate.cache();
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds {@link OAuth2ClientCredentials}; not thread-safe. Defaults: {@code client_secret_basic},
     * no scopes, no extra parameters, a 60 s renewal margin, the JDK transport for token requests,
     * the system UTC clock, the real sleeper, no listener for token requests.
     */
    public static final class Builder extends OAuth2Builder<Builder> {

        private Builder() {
        }

        /** The {@code audience} parameter (Auth0, Okta and others name the API this way). */
        public Builder audience(String audience) {
            return param("audience", audience);
        }

        /**
         * The credentials.
         *
         * @throws IllegalStateException if a required setting is missing
         */
        public OAuth2ClientCredentials build() {
            OAuth2Settings.require(origin, "origin");
            OAuth2Settings.require(tokenUrl, "tokenUrl");
            OAuth2Settings.require(clientId, "clientId");
            OAuth2Settings.require(clientSecret, "clientSecret");
            return new OAuth2ClientCredentials(this);
        }
    }
}
