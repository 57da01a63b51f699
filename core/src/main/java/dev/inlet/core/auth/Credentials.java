package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import dev.inlet.core.http.Interceptor;
import dev.inlet.core.http.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Authenticates requests as the credentials link of an {@link dev.inlet.core.http.HttpPipeline}
 * ({@code HttpPipeline.builder().credentials(...)}), on every attempt and every redirect hop, so a
 * retried or replayed request always carries fresh credentials and a fresh signature.
 *
 * <p>Every credential is bound to the origin it may authenticate: a request to any other origin (a
 * redirect or a next-page URL elsewhere) passes through untouched. Implementations are immutable
 * (token-based ones keep a thread-safe token cache) and safe to share between pipelines and threads.
 *
 * <pre>{@code
 * Origin api = Origin.of("https://api.example.com");
 * HttpPipeline pipeline = HttpPipeline.builder()
 *         .credentials(Credentials.apiKeyHeader(api, "X-Api-Key", Secret.fromEnvironment("API_KEY")))
 *         .build();
 * }</pre>
 *
 * <p>Beyond the factories here: {@link OAuth2ClientCredentials}, {@link OAuth2RefreshToken},
 * {@link SessionLogin}, {@link HmacSigner} and {@link AwsSigV4}.
 */
public interface Credentials extends Interceptor {

    /** Whether these credentials may be attached to a request for the origin. */
    boolean appliesTo(Origin origin);

    /**
     * An API key sent as a request header, replacing any value the request already has.
     *
     * @param origin where the key may be sent
     * @param header the header name, e.g. {@code X-Api-Key}; it must be one whose values Inlet
     *     masks in logs ({@link dev.inlet.core.internal.Redaction#isSensitiveHeader(String)}), so the key can
     *     never be logged
     * @throws IllegalArgumentException if the header name is invalid or not masked in logs
     */
    static Credentials apiKeyHeader(Origin origin, String header, Secret key) {
        Objects.requireNonNull(key, "key");
        return new HeaderCredentials(origin, header, () -> key.reveal(), "API key in header " + header);
    }

    /**
     * An API key sent as a query parameter, replacing a parameter of that name if present. The
     * credential declares the parameter ({@link #sensitiveParameters()}), so the pipeline masks it
     * in every URL it shows (logs, events, messages, reports: {@code appid=***}), and a REST
     * connector strips it from a next-page URL the server echoed it into before storing a position;
     * the key is added again on every attempt.
     *
     * @param parameter the parameter name, e.g. {@code api_key}
     */
    static Credentials apiKeyQuery(Origin origin, String parameter, Secret key) {
        return new QueryParameterCredentials(origin, parameter, key);
    }

    /**
     * An API key sent as a cookie, added to the request's {@code Cookie} header (whose value is
     * always masked in logs).
     *
     * @param cookie the cookie name
     */
    static Credentials apiKeyCookie(Origin origin, String cookie, Secret key) {
        return new CookieCredentials(origin, cookie, key);
    }

    /** A static bearer token: {@code Authorization: Bearer <token>} (RFC 6750). */
    static Credentials bearer(Origin origin, Secret token) {
        Objects.requireNonNull(token, "token");
        return bearer(origin, () -> token);
    }

    /**
     * A bearer token supplied by a function, called on every attempt (for tokens the host rotates
     * itself). The function must be thread-safe and quick; it should cache.
     */
    static Credentials bearer(Origin origin, Supplier<Secret> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        return new HeaderCredentials(origin, "Authorization", () -> "Bearer " + supplied(tokens).reveal(),
                "bearer token");
    }

    /**
     * HTTP Basic authentication (RFC 7617, UTF-8): {@code Authorization: Basic base64(user:password)}.
     *
     * @throws IllegalArgumentException if the user name contains a colon, which Basic cannot carry
     */
    static Credentials basic(Origin origin, String username, Secret password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an HTTP Basic user name must not contain ':' (RFC 7617)");
        }
        return new HeaderCredentials(origin, "Authorization", () -> "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8)),
                "HTTP Basic for user " + username);
    }

    /**
     * Several credentials applied in order, each only to its own origin: for example an API key
     * plus an HMAC signature, or different keys for two origins. A later one sees (and may sign)
     * what the earlier ones added.
     */
    static Credentials all(Credentials... credentials) {
        return CompositeCredentials.of(List.of(credentials));
    }

    private static Secret supplied(Supplier<Secret> tokens) {
        Secret token = tokens.get();
        if (token == null) {
            throw new AuthenticationException("The bearer token function returned no token", null, null, null,
                    "Make the function passed to Credentials.bearer always return a token", null);
        }
        return token;
    }
}
