package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 refresh-token grant (RFC 6749 §6) with rotation: access tokens are obtained with a
 * long-lived refresh token the host stored after the user authorized it. When the server rotates
 * the refresh token (returns a new one with the access token), the new one replaces the old for
 * every later refresh and is handed to the {@linkplain Builder#onRefreshTokenRotated callback}, so
 * the host can persist it (the old one usually stops working at once).
 *
 * <p>Caching, single-flight renewal, the one refresh and one replay after a 401, and error handling
 * are those of {@link OAuth2ClientCredentials}. An {@code invalid_grant} answer (refresh token
 * expired or revoked) surfaces as an {@link AuthenticationException} telling the host to authorize
 * again.
 *
 * <pre>{@code
 * Credentials credentials = OAuth2RefreshToken.builder()
 *         .origin(Origin.of("https://api.example.com"))
 *         .tokenUrl("https://auth.example.com/oauth/token")
 *         .clientId("inlet-sync").clientSecret(Secret.fromEnvironment("CLIENT_SECRET"))
 *         .refreshToken(store.load())
 *         .onRefreshTokenRotated(store::save)
 *         .build();
 * }</pre>
 */
public final class OAuth2RefreshToken implements Credentials, AsyncInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2RefreshToken.class);

    private final TokenCredentials delegate;
    private final AtomicReference<Secret> refreshToken;
    private final Consumer<Secret> onRotated;
    private final String description;

    private OAuth2RefreshToken(Builder b) {
        OAuth2TokenEndpoint endpoint = new OAuth2TokenEndpoint(b.tokenUrl, b.clientId, b.clientSecret, b.method,
                new TokenHttp(b.settings));
        this.refreshToken = new AtomicReference<>(b.refreshToken);
        this.onRotated = b.onRotated;
        String scope = b.scopes.isEmpty() ? null : String.join(" ", b.scopes);
        Map<String, String> extra = Map.copyOf(b.params);
        TokenCache cache = new TokenCache(() -> refresh(endpoint, scope, extra), b.settings.clock, b.settings.skew);
        this.delegate = new TokenCredentials(b.origin, cache, "Authorization", "Bearer ");
        this.description = "OAuth2RefreshToken[client " + b.clientId + " at "
                + Request.builder(b.tokenUrl).build().redactedUri() + ", for " + b.origin + "]";
    }

    /** A builder; origin, token URL, client id and refresh token are required. */
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

    /** Runs inside the cache's single flight, so refreshes (and rotations) never overlap. */
    private AccessToken refresh(OAuth2TokenEndpoint endpoint, String scope, Map<String, String> extra) {
        Secret current = refreshToken.get();
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", current.reveal());
        if (scope != null) {
            grant.put("scope", scope);
        }
        grant.putAll(extra);
        AccessToken token = endpoint.request(grant, List.of(current));
        token.refreshToken().filter(issued -> !issued.equals(current)).ifPresent(this::rotate);
        return token;
    }

    private void rotate(Secret issued) {
        refreshToken.set(issued);
        try {
            onRotated.accept(issued);
        } catch (RuntimeException e) {
            // The new refresh token still serves this process; the old one is likely dead already.
            // The exception's message is the host's and might quote the token, so only its type is logged.
            LOG.warn("The refresh-token rotation callback failed with {}; the new refresh token is kept in memory "
                    + "only and is lost when this process ends", e.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds {@link OAuth2RefreshToken}; not thread-safe. Defaults: {@code client_secret_basic} (a
     * public client without a secret sends {@code client_id} in the form), no scopes, a callback
     * that ignores rotations, a 60 s renewal margin, the JDK transport, the system UTC clock, the
     * real sleeper, no listener.
     */
    public static final class Builder extends OAuth2Builder<Builder> {
        private Secret refreshToken;
        private Consumer<Secret> onRotated = rotated -> { };

        private Builder() {
        }

        /** The refresh token to start from. Required. */
        public Builder refreshToken(Secret refreshToken) {
            this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
            return this;
        }

        /**
         * Receives each new refresh token the server issues, so the host can persist it. Called on
         * the thread performing the refresh, once per rotation; it should be quick. If it throws,
         * the failure is logged (never the token) and the new token is used in memory.
         */
        public Builder onRefreshTokenRotated(Consumer<Secret> callback) {
            this.onRotated = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * The credentials.
         *
         * @throws IllegalStateException if a required setting is missing
         */
        public OAuth2RefreshToken build() {
            OAuth2Settings.require(origin, "origin");
            OAuth2Settings.require(tokenUrl, "tokenUrl");
            OAuth2Settings.require(clientId, "clientId");
            OAuth2Settings.require(refreshToken, "refreshToken");
            return new OAuth2RefreshToken(this);
        }
    }
}
