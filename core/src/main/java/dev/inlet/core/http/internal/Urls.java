package dev.inlet.core.http.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** <b>Internal</b> (not API; see the package).
 * Small, exact operations on URL query strings (percent-encoding per RFC 3986, spaces as %20). */
public final class Urls {

    private Urls() {
    }

    /** Percent-encodes a query name or value. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    /** Decodes a percent-encoded query name or value ('+' read as a space, as forms send it). */
    public static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URI with the query parameter set to this single value (replacing any existing values). */
    public static URI withQueryParameter(URI uri, String name, String value) {
        List<String> kept = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                if (!decode(rawName).equals(name) && !pair.isEmpty()) {
                    kept.add(pair);
                }
            }
        }
        kept.add(encode(name) + "=" + encode(value));
        return withRawQuery(uri, String.join("&", kept));
    }

    /**
     * The URI without the query parameters of these names (compared decoded), the rest of it kept
     * byte for byte; the URI itself when it has none of them.
     */
    public static URI withoutQueryParameters(URI uri, java.util.Set<String> names) {
        String query = uri.getRawQuery();
        if (names.isEmpty() || query == null || query.isEmpty()) {
            return uri;
        }
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = decode(rawName);
            } catch (IllegalArgumentException badEscape) {
                name = rawName;
            }
            if (names.contains(name)) {
                removed = true;
            } else {
                kept.add(pair);
            }
        }
        return removed ? withRawQuery(uri, String.join("&", kept)) : uri;
    }

    /** The URI with these parameters appended to its query, in order. */
    public static URI withQueryParameters(URI uri, List<Map.Entry<String, String>> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        for (Map.Entry<String, String> p : parameters) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        return withRawQuery(uri, query.toString());
    }

    /** The URI with its raw (already encoded) query replaced; null or empty removes the query. */
    public static URI withRawQuery(URI uri, String rawQuery) {
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        out.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (rawQuery != null && !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return URI.create(out.toString());
    }
}
