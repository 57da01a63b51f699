package dev.inlet.declarative.internal;

import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.auth.OAuth2ClientCredentials;
import dev.inlet.core.auth.OAuth2RefreshToken;
import dev.inlet.core.http.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * <b>Internal.</b> A definition's authentication ({@code auth:}), mapped onto core's {@link Credentials},
 * {@link OAuth2ClientCredentials} and {@link OAuth2RefreshToken}, bound to the definition's origin.
 * Secrets are {@link SecretRef}s. Immutable.
 *
 * @param type {@code api_key}, {@code bearer}, {@code basic}, {@code oauth2_client_credentials},
 *     {@code oauth2_refresh_token} or {@code none}
 * @param in where an API key goes: {@code header}, {@code query} or {@code cookie}
 * @param name the header, parameter or cookie of an API key
 * @param secret the key, token, password or client secret (for Basic without a password: the user name)
 * @param username the Basic user name, or null when the user name is the secret (no password)
 * @param tokenUrl the OAuth2 token endpoint
 * @param clientId the OAuth2 client id
 * @param refreshToken the OAuth2 refresh token
 * @param scopes the OAuth2 scopes
 */
public record AuthSpec(String type, String in, String name, SecretRef secret, Template username, Template tokenUrl,
        Template clientId, SecretRef refreshToken, List<String> scopes) {

    /** The authentication types. */
    public static final List<String> TYPES = List.of("none", "api_key", "bearer", "basic",
            "oauth2_client_credentials", "oauth2_refresh_token");

    /** Reads an {@code auth:} block. */
    static AuthSpec read(Node node) {
        Section s = Section.of(node, "auth", "type", "in", "name", "key", "token", "username", "password",
                "token_url", "client_id", "client_secret", "refresh_token", "scopes");
        String type = s.choice("type", null, TYPES);
        if (type == null) {
            throw Errors.at(node, "auth has no `type`", "type: one of " + String.join(", ", TYPES));
        }
        List<String> allowed = switch (type) {
            case "api_key" -> List.of("in", "name", "key");
            case "bearer" -> List.of("token");
            case "basic" -> List.of("username", "password");
            case "oauth2_client_credentials" -> List.of("token_url", "client_id", "client_secret", "scopes");
            case "oauth2_refresh_token" -> List.of("token_url", "client_id", "client_secret", "refresh_token",
                    "scopes");
            default -> List.of();
        };
        for (String key : s.node().entries().keySet()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                throw Errors.at(s.node().keyLocation(key), s.get(key).path(),
                        "`" + key + "` does not apply to " + type + " auth", "one of type, " + String.join(", ", allowed),
                        Suggestions.nearest(key, allowed));
            }
        }
        return switch (type) {
            case "api_key" -> new AuthSpec(type, s.choice("in", "header", List.of("header", "query", "cookie")),
                    s.word("name"), SecretRef.read(s.require("key"), "auth.key"), null, null, null, null, List.of());
            case "bearer" -> new AuthSpec(type, null, null, SecretRef.read(s.require("token"), "auth.token"), null,
                    null, null, null, List.of());
            // Without a password, the user name is the secret (an API key as user name, an empty password:
            // Chargebee, Recurly, Freshdesk): it must be a reference, and is never shown.
            case "basic" -> s.has("password") ? new AuthSpec(type, null, null,
                    SecretRef.read(s.get("password"), "auth.password"), s.text("username"), null, null, null,
                    List.of()) : new AuthSpec(type, null, null, SecretRef.read(s.require("username"),
                            "auth.username (an API key as user name, no password)"), null, null, null, null,
                            List.of());
            case "oauth2_client_credentials" -> new AuthSpec(type, null, null,
                    SecretRef.read(s.require("client_secret"), "auth.client_secret"), null, s.text("token_url"),
                    s.text("client_id"), null, s.words("scopes"));
            case "oauth2_refresh_token" -> new AuthSpec(type, null, null,
                    s.has("client_secret") ? SecretRef.read(s.get("client_secret"), "auth.client_secret") : null,
                    null, s.text("token_url"), s.text("client_id"),
                    SecretRef.read(s.require("refresh_token"), "auth.refresh_token"), s.words("scopes"));
            default -> new AuthSpec(type, null, null, null, null, null, null, null, List.of());
        };
    }

    /** The credentials for the origin, or null for {@code none}. */
    public Credentials credentials(Origin origin, Resolver resolver) {
        return switch (type) {
            case "api_key" -> switch (in) {
                case "query" -> Credentials.apiKeyQuery(origin, name, secret.resolve(resolver));
                case "cookie" -> Credentials.apiKeyCookie(origin, name, secret.resolve(resolver));
                default -> Credentials.apiKeyHeader(origin, name, secret.resolve(resolver));
            };
            case "bearer" -> Credentials.bearer(origin, secret.resolve(resolver));
            case "basic" -> username != null
                    ? Credentials.basic(origin, username.resolve(resolver), secret.resolve(resolver))
                    : Credentials.apiKeyHeader(origin, "Authorization", Secret.of("Basic " + Base64.getEncoder()
                            .encodeToString((secret.resolve(resolver).reveal() + ":").getBytes(
                                    StandardCharsets.UTF_8))));
            case "oauth2_client_credentials" -> OAuth2ClientCredentials.builder().origin(origin)
                    .tokenUrl(tokenUrl.resolve(resolver)).clientId(clientId.resolve(resolver))
                    .clientSecret(secret.resolve(resolver)).scopes(scopes.toArray(String[]::new)).build();
            case "oauth2_refresh_token" -> {
                OAuth2RefreshToken.Builder builder = OAuth2RefreshToken.builder().origin(origin)
                        .tokenUrl(tokenUrl.resolve(resolver)).clientId(clientId.resolve(resolver))
                        .refreshToken(refreshToken.resolve(resolver)).scopes(scopes.toArray(String[]::new));
                if (secret != null) {
                    builder.clientSecret(secret.resolve(resolver));
                }
                yield builder.build();
            }
            default -> null;
        };
    }
}
