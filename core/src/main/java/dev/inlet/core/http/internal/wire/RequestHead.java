package dev.inlet.core.http.internal.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A request's head in HTTP/1.1 bytes: request line, {@code Host}, the caller's fields, and
 * {@code Content-Length} when there is a body (or the method usually has one). Names must be tokens and
 * values must not hold line breaks or other control characters, so no field can smuggle another.
 */
final class RequestHead {

    private RequestHead() {
    }

    static byte[] encode(String method, URI uri, Origin origin, List<Map.Entry<String, String>> headers, byte[] body) {
        if (!isToken(method)) {
            throw new IllegalArgumentException("not an HTTP method: " + ResponseHead.excerpt(method));
        }
        StringBuilder head = new StringBuilder(256);
        String path = uri.getRawPath();
        head.append(method).append(' ').append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(origin.host());
        if (origin.port() != (origin.tls() ? 443 : 80)) {
            head.append(':').append(origin.port());
        }
        head.append("\r\n");
        for (Map.Entry<String, String> field : headers) {
            String name = field.getKey();
            String value = field.getValue();
            if (!isToken(name)) {
                throw new IllegalArgumentException("not a valid header name: " + ResponseHead.excerpt(name));
            }
            checkValue(name, value);
            head.append(name).append(": ").append(value).append("\r\n");
        }
        if (body != null && body.length > 0 || method.equals("POST") || method.equals("PUT")
                || method.equals("PATCH")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Values are ISO-8859-1 text without control characters (a tab is allowed). */
    private static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                // The value itself is not shown: it may be a credential.
                throw new IllegalArgumentException("the value of header " + name + " holds a character a header "
                        + "cannot carry (a line break, a control character or one beyond ISO-8859-1) at index " + i);
            }
        }
    }

    private static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
