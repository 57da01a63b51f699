package dev.inlet.opentelemetry;

import java.net.URI;
import java.util.Optional;

/**
 * URLs as span attributes. Inlet's events already mask every secret query parameter; this also
 * replaces user info ({@code user:password@}) with {@code REDACTED:REDACTED}, as the HTTP semantic
 * conventions ask, and drops the fragment.
 */
final class SafeUrls {

    private SafeUrls() {
    }

    /** The URL for {@code url.full}. */
    static String full(String maskedUrl) {
        int scheme = maskedUrl.indexOf("://");
        String withoutFragment = maskedUrl.contains("#") ? maskedUrl.substring(0, maskedUrl.indexOf('#')) : maskedUrl;
        if (scheme < 0) {
            return withoutFragment;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = withoutFragment.length();
        for (char end : new char[] {'/', '?'}) {
            int at = withoutFragment.indexOf(end, authorityStart);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        int userInfoEnd = withoutFragment.lastIndexOf('@', authorityEnd - 1);
        if (userInfoEnd < authorityStart) {
            return withoutFragment;
        }
        return withoutFragment.substring(0, authorityStart) + "REDACTED:REDACTED"
                + withoutFragment.substring(userInfoEnd);
    }

    /** The URL's host and port, if it parses. */
    static Optional<URI> parse(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }
}
