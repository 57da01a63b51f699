package dev.inlet.core.auth;

import dev.inlet.core.http.AsyncInterceptor;
import java.util.concurrent.CompletableFuture;
import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.Transport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Session-token login: a login request (typically a POST of a user name and password) whose JSON
 * answer carries a session token, found by JSON Pointer (RFC 6901), which is then sent with every
 * request to the API's origin until it expires. The expiry comes from the answer (seconds to live,
 * or an instant), or from a fixed lifetime, or is unknown (the token is used until a 401).
 *
 * <p>Caching, single-flight login, the one re-login and one replay after a 401, and the separate
 * HTTP path are those of {@link OAuth2ClientCredentials}.
 *
 * <pre>{@code
 * Credentials credentials = SessionLogin.builder()
 *         .origin(Origin.of("https://api.example.com"))
 *         .loginRequest(Request.builder("https://api.example.com/v1/login")
 *                 .post(loginJson, "application/json").build())
 *         .tokenPointer("/data/token").expiresInPointer("/data/expires_in")
 *         .header("X-Session-Token", "")
 *         .build();
 * }</pre>
 */
public final class SessionLogin implements Credentials, AsyncInterceptor {

    private final TokenCredentials delegate;
    private final String description;

    private SessionLogin(Builder b) {
        TokenHttp http = new TokenHttp(b.settings);
        Request login = b.loginRequest;
        List<Secret> secrets = List.copyOf(b.secrets);
        JsonPointer tokenAt = b.tokenPointer;
        JsonPointer expiresInAt = b.expiresInPointer;
        JsonPointer expiresAtAt = b.expiresAtPointer;
        Duration lifetime = b.lifetime;
        TokenCache cache = new TokenCache(() -> {
            Instant requested = http.clock().instant();
            JsonNode json = http.exchange(login, "Session login", secrets);
            String where = "Session login " + login;
            String token = text(json.at(tokenAt));
            if (token == null) {
                throw new AuthenticationException(where + " answered without a token at " + tokenAt, null, null, null,
                        "Check the login's token pointer against the login response", null);
            }
            Optional<Instant> expiresAt = expiry(json, expiresInAt, expiresAtAt, lifetime, requested, where);
            return new AccessToken(Secret.of(token), expiresAt, Optional.empty());
        }, b.settings.clock, b.settings.skew);
        this.delegate = new TokenCredentials(b.origin, cache, b.header, b.prefix);
        this.description = "SessionLogin[" + login + ", token sent as " + b.header + ", for " + b.origin + "]";
    }

    /** A builder; origin, login request and token pointer are required. */
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

    /** Login requests made so far. */
    public int logins() {
        return delegate.cache().fetches();
    }

    private static Optional<Instant> expiry(JsonNode json, JsonPointer expiresInAt, JsonPointer expiresAtAt,
            Duration lifetime, Instant requested, String where) {
        if (expiresInAt != null) {
            String seconds = text(json.at(expiresInAt));
            if (seconds != null) {
                try {
                    return Optional.of(requested.plus(Duration.ofSeconds(Math.round(Double.parseDouble(seconds)))));
                } catch (NumberFormatException e) {
                    throw new AuthenticationException(where + " answered a lifetime at " + expiresInAt
                            + " that is not a number of seconds", null, null, null, null, null);
                }
            }
        }
        if (expiresAtAt != null) {
            JsonNode at = json.at(expiresAtAt);
            String text = text(at);
            if (text != null) {
                try {
                    return Optional.of(at.isNumber() ? Instant.ofEpochSecond(at.asLong()) : Instant.parse(text));
                } catch (DateTimeParseException e) {
                    throw new AuthenticationException(where + " answered an expiry at " + expiresAtAt
                            + " that is neither epoch seconds nor an ISO-8601 instant", null, null, null, null, null);
                }
            }
        }
        return lifetime == null ? Optional.empty() : Optional.of(requested.plus(lifetime));
    }

    private static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String text = node.asString();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds {@link SessionLogin}; not thread-safe. Defaults: the token sent as
     * {@code Authorization: Bearer <token>}; no expiry (used until a 401) unless a pointer or
     * lifetime is set; a 60 s renewal margin; the JDK transport, the system UTC clock, the real
     * sleeper, no listener.
     */
    public static final class Builder extends TokenCredentialsBuilder<Builder> {
        private Request loginRequest;
        private JsonPointer tokenPointer;
        private JsonPointer expiresInPointer;
        private JsonPointer expiresAtPointer;
        private Duration lifetime;
        private String header = "Authorization";
        private String prefix = "Bearer ";
        private final List<Secret> secrets = new ArrayList<>();

        private Builder() {
        }

        /**
         * The login request, sent as is whenever a token is needed. It goes over the login's own
         * HTTP path, is never redirected, and its body is never logged. Required.
         */
        public Builder loginRequest(Request loginRequest) {
            this.loginRequest = Objects.requireNonNull(loginRequest, "loginRequest");
            return this;
        }

        /** Where the token is in the login's JSON answer, e.g. {@code /data/token}. Required. */
        public Builder tokenPointer(String pointer) {
            this.tokenPointer = pointer(pointer);
            return this;
        }

        /** Where the answer says how many seconds the token lives, e.g. {@code /expires_in}. */
        public Builder expiresInPointer(String pointer) {
            this.expiresInPointer = pointer(pointer);
            return this;
        }

        /** Where the answer says when the token expires (epoch seconds or an ISO-8601 instant). */
        public Builder expiresAtPointer(String pointer) {
            this.expiresAtPointer = pointer(pointer);
            return this;
        }

        /** A fixed token lifetime, used when the answer does not say. */
        public Builder lifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("a session lifetime must be positive, was " + lifetime);
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * The header that carries the token, and what precedes the token in it. Default
         * {@code Authorization} with {@code "Bearer "}. The header must be one whose values Inlet
         * masks in logs.
         */
        public Builder header(String header, String prefix) {
            this.header = HeaderCredentials.requireMaskedHeader(header);
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Secrets in the login request (a password), scrubbed from any server text that error
         * messages quote, in case the server echoes them.
         */
        public Builder secrets(Secret... secrets) {
            for (Secret secret : secrets) {
                this.secrets.add(Objects.requireNonNull(secret, "secret"));
            }
            return this;
        }

        /** The transport for login requests. Default {@link Transport#jdk()}. */
        public Builder loginTransport(Transport transport) {
            settings.transport(transport);
            return this;
        }

        /**
         * The credentials.
         *
         * @throws IllegalStateException if a required setting is missing
         */
        public SessionLogin build() {
            OAuth2Settings.require(origin, "origin");
            OAuth2Settings.require(loginRequest, "loginRequest");
            OAuth2Settings.require(tokenPointer, "tokenPointer");
            return new SessionLogin(this);
        }

        private static JsonPointer pointer(String pointer) {
            Objects.requireNonNull(pointer, "pointer");
            try {
                return JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + pointer + "' is not a JSON Pointer (RFC 6901), e.g. "
                        + "/data/token", e);
            }
        }
    }
}
