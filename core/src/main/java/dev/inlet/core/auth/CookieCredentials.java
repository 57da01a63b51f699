package dev.inlet.core.auth;

import dev.inlet.core.Secret;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Request;
import java.util.Arrays;
import java.util.Objects;

/** An API key in a cookie, appended to the request's {@code Cookie} header (RFC 6265 §5.4). */
final class CookieCredentials extends RequestAuthorizing {

    private final String cookie;
    private final Secret key;

    CookieCredentials(Origin origin, String cookie, Secret key) {
        super(origin);
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.key = Objects.requireNonNull(key, "key");
        if (!isToken(cookie)) {
            throw new IllegalArgumentException("'" + cookie + "' is not a valid cookie name (RFC 6265 token)");
        }
        if (!isCookieValue(key.reveal())) {
            throw new IllegalArgumentException("the key for cookie " + cookie + " has characters a cookie value "
                    + "cannot carry (controls, space, '\"', ',', ';' or '\\')");
        }
    }

    @Override
    Request authorize(Request request) {
        String pair = cookie + "=" + key.reveal();
        String existing = request.headers().all("Cookie").stream()
                .flatMap(v -> Arrays.stream(v.split(";")))
                .map(String::trim)
                .filter(c -> !c.isEmpty() && !c.startsWith(cookie + "="))
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        String value = existing.isEmpty() ? pair : existing + "; " + pair;
        return request.toBuilder().header("Cookie", value).build();
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCookieValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 32 || c >= 127 || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Credentials[API key in cookie " + cookie + " for " + origin() + "]";
    }
}
