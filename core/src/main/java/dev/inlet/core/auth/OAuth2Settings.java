package dev.inlet.core.auth;

import dev.inlet.core.http.Request;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The checks the OAuth2 builders share. */
final class OAuth2Settings {

    /** Parameters the grant sets itself; an extra parameter must not override them. */
    private static final Set<String> RESERVED = Set.of("grant_type", "client_id", "client_secret", "refresh_token",
            "scope");

    private OAuth2Settings() {
    }

    static URI checkedUrl(URI url, String what) {
        Objects.requireNonNull(url, what);
        try {
            Request.builder(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " must be an absolute http(s) URL", e);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the " + what + " must not carry credentials in its user-info; "
                    + "configure the client id and secret instead");
        }
        return url;
    }

    static String checkedClientId(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("the client id must not be blank");
        }
        return clientId;
    }

    static List<String> checkedScopes(String... scopes) {
        for (String scope : scopes) {
            Objects.requireNonNull(scope, "scope");
            if (scope.isEmpty() || scope.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c > '~')) {
                throw new IllegalArgumentException("'" + scope + "' is not a valid OAuth scope (RFC 6749 §3.3)");
            }
        }
        return Arrays.asList(scopes);
    }

    static void checkedParam(Map<String, String> params, String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, () -> "value of parameter " + name);
        if (name.isEmpty() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be an extra token request parameter; "
                    + "the grant sets it (use the builder's own methods for scopes and client authentication)");
        }
        params.put(name, value);
    }

    static void require(Object value, String setting) {
        if (value == null) {
            throw new IllegalStateException("the " + setting + " setting is required");
        }
    }
}
