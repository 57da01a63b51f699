package dev.inlet.bench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request as {@link LoopbackServer} read it: method, target, headers (names lower-cased) and
 * the body (only {@code Content-Length} bodies; benchmark clients send nothing else).
 *
 * @param method the request method
 * @param target the request target, e.g. {@code /records?cursor=c2}
 * @param headers header values by lower-case name (the last value wins)
 * @param body the request body, empty if none
 */
public record Exchange(String method, String target, Map<String, String> headers, byte[] body) {

    private static final int MAX_HEAD = 64 * 1024;

    /** The next request on the connection, or null when the client closed it. */
    static Exchange read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        if (requestLine.isEmpty()) {
            requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
        }
        int firstSpace = requestLine.indexOf(' ');
        int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
        if (firstSpace < 0 || secondSpace < 0) {
            throw new IOException("malformed request line: " + requestLine);
        }
        Map<String, String> headers = new HashMap<>();
        int headBytes = requestLine.length();
        while (true) {
            String header = line(in);
            if (header == null) {
                throw new IOException("connection closed inside the request head");
            }
            if (header.isEmpty()) {
                break;
            }
            headBytes += header.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length);
            body = in.readNBytes(n);
            if (body.length < n) {
                throw new IOException("connection closed inside the request body");
            }
        }
        return new Exchange(requestLine.substring(0, firstSpace), requestLine.substring(firstSpace + 1, secondSpace),
                headers, body);
    }

    /** One CRLF-terminated line as ASCII, without the terminator; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b == -1) {
                return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            out.write(b);
            if (out.size() > MAX_HEAD) {
                throw new IOException("request line too long");
            }
        }
    }

    /** Whether the connection stays open after the reply (HTTP/1.1 default). */
    boolean keepAlive() {
        return !"close".equalsIgnoreCase(headers.get("connection"));
    }

    /** The path of the target, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The first value of a query parameter, decoded; null if absent. */
    public String query(String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A header value by case-insensitive name; null if absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
