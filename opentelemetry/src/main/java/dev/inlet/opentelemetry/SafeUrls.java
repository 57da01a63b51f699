package dev.inlet.opentelemetry;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
        // One scan for the authority's end and the fragment, no copy unless something is dropped: a
        // pipeline's URL has neither user info nor fragment, and this runs for every attempt.
        int fragment = maskedUrl.indexOf('#');
        int length = fragment < 0 ? maskedUrl.length() : fragment;
        int scheme = maskedUrl.indexOf("://");
        if (scheme < 0 || scheme >= length) {
            return fragment < 0 ? maskedUrl : maskedUrl.substring(0, fragment);
        }
        int authorityStart = scheme + 3;
        int authorityEnd = length;
        int at = -1;
        for (int i = authorityStart; i < length; i++) {
            char c = maskedUrl.charAt(i);
            if (c == '/' || c == '?') {
                authorityEnd = i;
                break;
            }
            if (c == '@') {
                at = i;
            }
        }
        if (at < 0) {
            return fragment < 0 ? maskedUrl : maskedUrl.substring(0, fragment);
        }
        return maskedUrl.substring(0, authorityStart) + "REDACTED:REDACTED" + maskedUrl.substring(at, length);
    }

    /** A URL's server: its host and port (the scheme's default port when none is given). */
    record Server(String host, long port) {
    }

    private static final int MAX_CACHED = 256;
    private static final Map<String, Optional<Server>> SERVERS = new ConcurrentHashMap<>();

    /**
     * The URL's server, if it parses. Cached by the URL's scheme and authority (bounded; cleared when
     * full), since every request of a run names the same server and parsing the whole URL per request
     * showed in the overhead benchmark.
     */
    static Optional<Server> server(String url) {
        int scheme = url.indexOf("://");
        int end = scheme < 0 ? -1 : firstOf(url, scheme + 3);
        String origin = end < 0 ? url : url.substring(0, end);
        int userInfo = end < 0 ? -1 : origin.lastIndexOf('@');
        if (userInfo > scheme) { // keep no user info (a secret, perhaps) in the cache's keys
            origin = origin.substring(0, scheme + 3) + origin.substring(userInfo + 1);
        }
        Optional<Server> server = SERVERS.get(origin);
        if (server == null) {
            if (SERVERS.size() >= MAX_CACHED) {
                SERVERS.clear();
            }
            server = parse(origin);
            SERVERS.put(origin, server);
        }
        return server;
    }

    /** Where the authority ends: the first '/', '?' or '#' after it, or the end. */
    private static int firstOf(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    private static Optional<Server> parse(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return Optional.of(new Server(uri.getHost(), port));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }
}
