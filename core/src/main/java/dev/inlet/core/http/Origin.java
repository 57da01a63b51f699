package dev.inlet.core.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The scheme, host and port of a URL: the unit of trust for credentials. A credential configured for
 * one origin is never sent to another (RFC 6454 origins, with default ports made explicit).
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host, lower case
 * @param port the port, with 80/443 filled in when the URL omits it
 */
public record Origin(String scheme, String host, int port) {

    /** Checks the parts. */
    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
    }

    /** The origin of a URI. */
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) {
            port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        }
        return new Origin(scheme, host, port);
    }

    /** The origin of a URL string. */
    public static Origin of(String url) {
        return of(URI.create(url));
    }

    /**
     * The host, with the port when it is not the scheme's default ({@code api.example.com},
     * {@code localhost:8080}): the default key of per-host rate limits and circuit breakers.
     */
    public String authority() {
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return defaultPort ? host : host + ":" + port;
    }

    /** Whether the URI belongs to this origin. */
    public boolean matches(URI uri) {
        return equals(of(uri));
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
