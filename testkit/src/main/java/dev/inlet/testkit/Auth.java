package dev.inlet.testkit;

import dev.inlet.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials a {@link FakeApi} requires; a request without them gets 401 with a
 * {@code WWW-Authenticate} header. Immutable. The secret is masked in recorded requests and never
 * appears in {@link #toString()}.
 */
public final class Auth {

    private enum Kind { NONE, HEADER, QUERY, BEARER, BASIC }

    private static final Auth NONE = new Auth(Kind.NONE, null, null);

    private final Kind kind;
    private final String name;
    private final Secret secret;

    private Auth(Kind kind, String name, Secret secret) {
        this.kind = kind;
        this.name = name;
        this.secret = secret;
    }

    /** No credentials required; the default. */
    public static Auth none() {
        return NONE;
    }

    /** An API key in a header, e.g. {@code apiKey("X-Api-Key", "k")}. */
    public static Auth apiKey(String header, String key) {
        return new Auth(Kind.HEADER, require(header, "header"), Secret.of(require(key, "key")));
    }

    /** An API key in a query parameter, e.g. {@code apiKeyQuery("api_key", "k")}. */
    public static Auth apiKeyQuery(String param, String key) {
        return new Auth(Kind.QUERY, require(param, "parameter"), Secret.of(require(key, "key")));
    }

    /** {@code Authorization: Bearer <token>}. */
    public static Auth bearer(String token) {
        return new Auth(Kind.BEARER, "Authorization", Secret.of(require(token, "token")));
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    public static Auth basic(String user, String password) {
        String pair = require(user, "user") + ":" + require(password, "password");
        return new Auth(Kind.BASIC, "Authorization",
                Secret.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    }

    private static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new FakeApiConfigException("Auth: the " + what + " is empty", "pass a non-empty " + what);
        }
        return value;
    }

    boolean accepts(Map<String, String> lowerCaseHeaders, Map<String, String> query) {
        String given = switch (kind) {
            case NONE -> null;
            case HEADER -> lowerCaseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
            case QUERY -> query.get(name);
            case BEARER -> stripPrefix(lowerCaseHeaders.get("authorization"), "Bearer ");
            case BASIC -> stripPrefix(lowerCaseHeaders.get("authorization"), "Basic ");
        };
        if (kind == Kind.NONE) {
            return true;
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.revealBytes());
    }

    private static String stripPrefix(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length())
                ? value.substring(prefix.length()).trim() : null;
    }

    /** The {@code WWW-Authenticate} challenge of a 401. */
    String challenge() {
        return switch (kind) {
            case BASIC -> "Basic realm=\"inlet-fake\"";
            case BEARER -> "Bearer realm=\"inlet-fake\"";
            default -> "ApiKey realm=\"inlet-fake\"";
        };
    }

    /** The secret, to mask it wherever it appears in a recorded request. */
    Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    /** Kind and header or parameter name; never the secret. */
    @Override
    public String toString() {
        return kind == Kind.NONE ? "Auth.none" : "Auth." + kind.name().toLowerCase(java.util.Locale.ROOT)
                + (name == null ? "" : "(" + name + ")");
    }
}
