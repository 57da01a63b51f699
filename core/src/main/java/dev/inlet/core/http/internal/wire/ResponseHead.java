package dev.inlet.core.http.internal.wire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response's status line and header fields, read with limits so that a hostile or broken server
 * cannot make the client buffer without bound: a line at most {@link #MAX_LINE} bytes, a head at most
 * {@link #MAX_HEAD} bytes and {@link #MAX_FIELDS} fields. Interim (1xx) heads are skipped.
 */
record ResponseHead(int status, boolean http10, Map<String, List<String>> fields) {

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEAD = 256 * 1024;
    static final int MAX_FIELDS = 500;

    /** The first value of a field (names compared ignoring case), or null. */
    String first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a field, comma-separated lists split. */
    List<String> tokens(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        List<String> tokens = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        tokens.add(token.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tokens;
    }

    /**
     * Reads the final head of a response (after any 1xx).
     *
     * @return null if the connection closed before the first byte (a stale pooled connection)
     */
    static ResponseHead read(WireConnection connection, String what) throws IOException {
        while (true) {
            String statusLine = connection.readLine(MAX_LINE, what);
            if (statusLine == null) {
                return null;
            }
            if (statusLine.isEmpty()) {
                statusLine = connection.readLine(MAX_LINE, what); // tolerate one stray CRLF before the head
                if (statusLine == null) {
                    return null;
                }
            }
            int status = statusOf(statusLine, what);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            Map<String, List<String>> fields = fields(connection, what, statusLine.length());
            if (status >= 100 && status < 200) {
                if (status == 101) {
                    throw new WireProtocolException("the server switched protocols (101) in its response to " + what
                            + "; Inlet's socket transport speaks HTTP/1.1 only: use Transport.jdk() for this API");
                }
                continue;
            }
            return new ResponseHead(status, http10, fields);
        }
    }

    private static int statusOf(String line, String what) throws WireProtocolException {
        if (!(line.startsWith("HTTP/1.1 ") || line.startsWith("HTTP/1.0 ")) || line.length() < 12
                || !Character.isDigit(line.charAt(9)) || !Character.isDigit(line.charAt(10))
                || !Character.isDigit(line.charAt(11)) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new WireProtocolException("not an HTTP/1.1 status line in the response to " + what + ": "
                    + excerpt(line));
        }
        return Integer.parseInt(line.substring(9, 12));
    }

    private static Map<String, List<String>> fields(WireConnection connection, String what, int used)
            throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int total = used;
        int count = 0;
        while (true) {
            String line = connection.readLine(MAX_LINE, what);
            if (line == null) {
                throw new WireProtocolException("the connection closed in the middle of the response head to "
                        + what);
            }
            if (line.isEmpty()) {
                return fields;
            }
            total += line.length() + 2;
            if (total > MAX_HEAD || ++count > MAX_FIELDS) {
                throw new WireProtocolException("the response head to " + what + " is larger than " + MAX_HEAD / 1024
                        + " KiB or " + MAX_FIELDS + " fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
                // The line itself is not shown: a header's value may be a credential.
                throw new WireProtocolException("a malformed header field (field " + (count) + " of the head, "
                        + line.length() + " bytes) in the response to " + what);
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            fields.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
    }

    /** A line for a message: at most 80 characters, control characters shown as '?'. */
    static String excerpt(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "…" : line;
        StringBuilder out = new StringBuilder(cut.length());
        for (char c : cut.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
