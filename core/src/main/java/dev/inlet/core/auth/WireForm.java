package dev.inlet.core.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a request's target looks on the wire, which is what a signature must cover: the
 * {@code Host} header the JDK client writes, and the path and query in their ASCII
 * (percent-encoded) form. Also RFC 3986 percent-encoding and decoding.
 */
final class WireForm {

    private WireForm() {
    }

    /**
     * The {@code Host} header value the JDK {@code HttpClient} sends for the URI: the host as written
     * in the URI, plus {@code :port} unless the port is absent or the scheme's default. The transport
     * drops a caller-set {@code Host}, so signers must sign this value.
     */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                || scheme.equals("http") && port == 80;
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** The path as sent: percent-encoded ASCII, {@code /} when empty. */
    static String rawPath(URI uri) {
        String path = URI.create(uri.toASCIIString()).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The query as sent (percent-encoded ASCII), or an empty string when there is none. */
    static String rawQuery(URI uri) {
        String query = URI.create(uri.toASCIIString()).getRawQuery();
        return query == null ? "" : query;
    }

    /**
     * Percent-encodes every byte of the UTF-8 form except the RFC 3986 unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}) and, if {@code keepSlash}, {@code /}. Upper-case hex, as AWS
     * requires.
     */
    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || keepSlash && c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} escapes (RFC 3986; {@code +} stays a plus sign). A {@code %} not followed by
     * two hex digits is kept as is.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
