package dev.inlet.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** <b>Internal</b> (not API; see the package).
 * A parser for the HTTP {@code Link} header (RFC 8288 §3): several link-values separated by commas,
 * each a {@code <URI-Reference>} followed by parameters whose values are tokens or quoted strings
 * (with backslash escapes). Commas and semicolons inside the URI or inside quotes do not split.
 * {@code rel} may hold several space-separated relation types, compared case-insensitively.
 */
public final class LinkHeader {

    /**
     * One link-value.
     *
     * @param uri the target as written (may be relative)
     * @param params the parameters, names lower-cased, first occurrence kept (per RFC 8288 for rel)
     */
    public record Link(String uri, Map<String, String> params) {

        /** Whether the link has this relation type (case-insensitive). */
        public boolean hasRel(String rel) {
            String value = params.get("rel");
            if (value == null) {
                return false;
            }
            for (String type : value.trim().split("\\s+")) {
                if (type.equalsIgnoreCase(rel)) {
                    return true;
                }
            }
            return false;
        }
    }

    private LinkHeader() {
    }

    /**
     * Parses the values of every {@code Link} header field.
     *
     * @throws IllegalArgumentException if a value is malformed (no URI in angle brackets, an
     *     unterminated quote)
     */
    public static List<Link> parse(List<String> fieldValues) {
        List<Link> links = new ArrayList<>();
        for (String value : fieldValues) {
            parseInto(value, links);
        }
        return links;
    }

    /** The first link with the relation type, if any. */
    public static Optional<String> find(List<String> fieldValues, String rel) {
        return parse(fieldValues).stream().filter(l -> l.hasRel(rel)).map(Link::uri).findFirst();
    }

    private static void parseInto(String s, List<Link> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            i = skipSpaceAndCommas(s, i);
            if (i >= n) {
                return;
            }
            if (s.charAt(i) != '<') {
                throw new IllegalArgumentException("malformed Link header: expected '<' at index " + i + " in '"
                        + abbreviate(s) + "'");
            }
            int close = s.indexOf('>', i + 1);
            if (close < 0) {
                throw new IllegalArgumentException("malformed Link header: unterminated '<' in '" + abbreviate(s) + "'");
            }
            String uri = s.substring(i + 1, close).trim();
            i = close + 1;
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                i = skipSpace(s, i);
                if (i >= n || s.charAt(i) == ',') {
                    break;
                }
                if (s.charAt(i) != ';') {
                    throw new IllegalArgumentException("malformed Link header: expected ';' or ',' at index " + i
                            + " in '" + abbreviate(s) + "'");
                }
                i = skipSpace(s, i + 1);
                int nameStart = i;
                while (i < n && "=;, \t".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
                i = skipSpace(s, i);
                String value = "";
                if (i < n && s.charAt(i) == '=') {
                    i = skipSpace(s, i + 1);
                    if (i < n && s.charAt(i) == '"') {
                        StringBuilder quoted = new StringBuilder();
                        i++;
                        boolean closed = false;
                        while (i < n) {
                            char c = s.charAt(i++);
                            if (c == '\\' && i < n) {
                                quoted.append(s.charAt(i++));
                            } else if (c == '"') {
                                closed = true;
                                break;
                            } else {
                                quoted.append(c);
                            }
                        }
                        if (!closed) {
                            throw new IllegalArgumentException("malformed Link header: unterminated quote in '"
                                    + abbreviate(s) + "'");
                        }
                        value = quoted.toString();
                    } else {
                        int valueStart = i;
                        while (i < n && ";,".indexOf(s.charAt(i)) < 0) {
                            i++;
                        }
                        value = s.substring(valueStart, i).trim();
                    }
                }
                if (!name.isEmpty()) {
                    params.putIfAbsent(name, value);
                }
            }
            out.add(new Link(uri, Map.copyOf(params)));
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipSpaceAndCommas(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
