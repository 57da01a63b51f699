package dev.inlet.testkit;

import dev.inlet.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials a {@link FakeApi} requires; a request without them gets 401 with a
 * {@code WWW-Authenticate} header. Immutable. The secret is masked in recorded requests and never
 * appears in {@link #toString()}.
 */
public final class Auth {

    private enum Kind { NONE, HEADER, QUERY, BEARER, BASIC, OAUTH2, AWS_SIGV4 }

    private static final Auth NONE = new Auth(Kind.NONE, null, null);

    /** The default token path of {@link #oauth2}: {@code /oauth/token}. */
    public static final String DEFAULT_TOKEN_PATH = "/oauth/token";
    /** The default access-token lifetime of {@link #oauth2}: one hour. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    private final Kind kind;
    private final String name;
    private final Secret secret;
    private final String tokenPath;
    private final Duration tokenLifetime;
    private final String initialRefreshToken;
    /** AWS SigV4 only: region and service of the credential scope. */
    private final String region;
    private final String service;

    private Auth(Kind kind, String name, Secret secret) {
        this(kind, name, secret, DEFAULT_TOKEN_PATH, DEFAULT_TOKEN_LIFETIME, null, null, null);
    }

    private Auth(Kind kind, String name, Secret secret, String tokenPath, Duration tokenLifetime,
            String initialRefreshToken, String region, String service) {
        this.region = region;
        this.service = service;
        this.kind = kind;
        this.name = name;
        this.secret = secret;
        this.tokenPath = tokenPath;
        this.tokenLifetime = tokenLifetime;
        this.initialRefreshToken = initialRefreshToken;
    }

    /**
     * OAuth2 (RFC 6749): the fake serves a token endpoint at {@link #DEFAULT_TOKEN_PATH} (client
     * credentials and refresh-token grants; client authentication by Basic header or form) and its
     * records require {@code Authorization: Bearer <access token>}. Access tokens live
     * {@link #DEFAULT_TOKEN_LIFETIME} by the fake's clock, or until {@link FakeApi#expireTokens()};
     * refresh tokens rotate (each works once; the answer carries the next).
     */
    public static Auth oauth2(String clientId, String clientSecret) {
        return new Auth(Kind.OAUTH2, require(clientId, "client id"), Secret.of(require(clientSecret, "client secret")));
    }

    /**
     * AWS Signature Version 4 in the {@code Authorization} header, checked as AWS checks it for
     * every service but S3 (double-encoded path, signed {@code host}, the body's SHA-256 or
     * {@code X-Amz-Content-Sha256}); {@code X-Amz-Date} must be within 15 minutes of the fake's clock.
     */
    public static Auth awsSigV4(String accessKeyId, String secretAccessKey, String region, String service) {
        return new Auth(Kind.AWS_SIGV4, require(accessKeyId, "access key id"),
                Secret.of(require(secretAccessKey, "secret access key")),
                DEFAULT_TOKEN_PATH, DEFAULT_TOKEN_LIFETIME, null, require(region, "region"), require(service, "service"));
    }

    boolean isAwsSigV4() {
        return kind == Kind.AWS_SIGV4;
    }

    String region() {
        return region;
    }

    String service() {
        return service;
    }

    /** This OAuth2 auth with the token endpoint at {@code path}. */
    public Auth withTokenPath(String path) {
        requireOAuth2("withTokenPath");
        if (path == null || !path.startsWith("/")) {
            throw new FakeApiConfigException("Auth.withTokenPath(" + path + "): not a path", "pass e.g. \"/oauth/token\"");
        }
        return new Auth(kind, name, secret, path, tokenLifetime, initialRefreshToken, region, service);
    }

    /** This OAuth2 auth with access tokens that live {@code lifetime} (at least one second). */
    public Auth withTokenLifetime(Duration lifetime) {
        requireOAuth2("withTokenLifetime");
        if (lifetime == null || lifetime.toSeconds() < 1) {
            throw new FakeApiConfigException("Auth.withTokenLifetime(" + lifetime + "): too short",
                    "pass one second or more; use FakeApi.expireTokens() to expire tokens at once");
        }
        return new Auth(kind, name, secret, tokenPath, lifetime, initialRefreshToken, region, service);
    }

    /** This OAuth2 auth accepting {@code token} as the first refresh token (what your app was given). */
    public Auth withRefreshToken(String token) {
        requireOAuth2("withRefreshToken");
        return new Auth(kind, name, secret, tokenPath, tokenLifetime, require(token, "refresh token"), region, service);
    }

    private void requireOAuth2(String method) {
        if (kind != Kind.OAUTH2) {
            throw new FakeApiConfigException("Auth." + method + " applies to Auth.oauth2(...) only, not " + this,
                    "start from Auth.oauth2(clientId, clientSecret)");
        }
    }

    boolean isOAuth2() {
        return kind == Kind.OAUTH2;
    }

    String tokenPath() {
        return tokenPath;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    String clientId() {
        return name;
    }

    Optional<String> initialRefreshToken() {
        return Optional.ofNullable(initialRefreshToken);
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
            case OAUTH2, AWS_SIGV4 -> throw new IllegalStateException(kind + " is checked by the responder");
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
            case BEARER, OAUTH2 -> "Bearer realm=\"inlet-fake\"";
            case AWS_SIGV4 -> "AWS4-HMAC-SHA256";
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
                + (name == null ? "" : "(" + name + ")") + (kind == Kind.OAUTH2 ? " token " + tokenPath : kind == Kind.AWS_SIGV4 ? " " + region + "/" + service : "");
    }
}
