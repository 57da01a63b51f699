package dev.inlet.core.http;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An endpoint's name for metrics and traces: a URL's host and path with every id-like path segment
 * replaced by the placeholder {@link #ID}, and without scheme, user info, query or fragment — so that one endpoint
 * is one name however many records it is asked for, and no id, cursor or secret from the URL reaches
 * a metric tag. {@code https://u:p@api.example.com/v1/customers/cus_9s6XKzkNRiz8i3/orders?page=2&key=s3cret}
 * becomes {@code api.example.com/v1/customers/{id}/orders}.
 *
 * <p>A segment is id-like when it has no letters (numbers, dates), is a UUID, is 12 or more
 * hexadecimal digits, is 8 or more characters mixing letters and digits ({@code cus_9s6XKzkNRiz8i3},
 * tokens), holds {@code @} or a percent-escape, or is longer than 40 characters. Words and short
 * versioned names ({@code v1}, {@code oauth2}, {@code customers}) stay. Stateless.
 */
public final class UrlTemplate {

    /** What an id-like segment becomes. */
    public static final String ID = "{id}";

    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{12,}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final int MAX_SEGMENT = 40;

    private UrlTemplate() {
    }

    /**
     * The template of a URL: {@code host[:port]/path} with id-like segments replaced. A string that is
     * not a URL becomes {@code "unknown"}.
     */
    public static String of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException notAUrl) {
            return "unknown";
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(host);
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return out.length() == 0 ? "unknown" : out.append('/').toString();
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(isIdLike(segment) ? ID : segment);
        }
        if (path.endsWith("/")) {
            out.append('/');
        }
        return out.toString();
    }

    /** Whether a path segment looks like an id, a number, a token or anything else that varies per call. */
    static boolean isIdLike(String segment) {
        if (segment.length() > MAX_SEGMENT || segment.contains("@") || segment.contains("%")) {
            return true;
        }
        if (NO_LETTERS.matcher(segment).matches() || UUID.matcher(segment).matches()
                || HEX.matcher(segment).matches()) {
            return true;
        }
        return segment.length() >= 8 && HAS_DIGIT.matcher(segment).matches();
    }
}
