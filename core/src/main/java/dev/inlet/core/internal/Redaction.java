package dev.inlet.core.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** <b>Internal</b> (not API; see the package).
 * Masks secrets in URLs and header values before they reach a log line, a {@code toString()} or an
 * exception message.
 *
 * <p>Query parameters are masked when their name looks like a credential ({@code api_key},
 * {@code access_token}, {@code signature} …) or was registered as sensitive by a credential;
 * user-info in the authority is always dropped. The rules are deliberately broad: a masked
 * harmless value costs nothing, a leaked key costs a rotation.
 */
public final class Redaction {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
            "apikey", "x-auth-token", "x-access-token", "x-amz-security-token", "private-token",
            "x-shopify-access-token", "stripe-account-secret", "x-hub-signature", "x-hub-signature-256",
            "stripe-signature", "webhook-signature", "x-slack-signature", "x-shopify-hmac-sha256",
            "x-hubspot-signature-v3");

    /** Headers whose names look sensitive but whose values are not secrets and help debugging. */
    private static final Set<String> NOT_SECRET_HEADERS = Set.of("idempotency-key", "x-idempotency-key",
            "www-authenticate", "proxy-authenticate", "authentication-info", "x-ratelimit-key");

    private static final String[] SENSITIVE_PARAM_PARTS = {
        "key", "token", "secret", "password", "passwd", "signature", "sig", "auth", "credential",
        "session", "code", "assertion"
    };

    private Redaction() {
    }

    /** Whether a header's value should never be shown. */
    public static boolean isSensitiveHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NOT_SECRET_HEADERS.contains(lower)) {
            return false;
        }
        return SENSITIVE_HEADERS.contains(lower) || lower.contains("secret") || lower.contains("token")
                || lower.contains("key") || lower.contains("auth") || lower.contains("signature")
                || lower.contains("password") || lower.contains("credential") || lower.contains("session")
                || lower.contains("cookie");
    }

    /** Whether a query parameter's value should never be shown. */
    public static boolean isSensitiveParameter(String name, Set<String> extra) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (extra.contains(lower) || extra.contains(name)) {
            return true;
        }
        for (String part : SENSITIVE_PARAM_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The URI with user-info dropped and sensitive query values masked. */
    public static String uri(URI uri) {
        return uri(uri, Set.of());
    }

    /**
     * The URI with user-info dropped and sensitive query values masked, treating the given
     * parameter names as sensitive too.
     */
    public static String uri(URI uri, Set<String> extraSensitiveParams) {
        if (uri == null) {
            return "(no url)";
        }
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
            if (uri.getPort() != -1) {
                out.append(':').append(uri.getPort());
            }
        } else if (uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            out.append(at >= 0 ? authority.substring(at + 1) : authority);
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            out.append('?').append(query(query, extraSensitiveParams));
        }
        return out.toString();
    }

    /** A raw query string with sensitive values masked. */
    public static String query(String rawQuery, Set<String> extraSensitiveParams) {
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decodedName = java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
            if (eq >= 0 && isSensitiveParameter(decodedName, extraSensitiveParams)) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    /** A header value fit for a log line: masked if the field carries credentials. */
    public static String headerValue(String name, String value) {
        return isSensitiveHeader(name) ? MASK : value;
    }
}
