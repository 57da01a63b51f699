package dev.inlet.micrometer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short, bounded tag values read from the listener events' free-text reasons. */
final class Causes {

    private static final Pattern STATUS = Pattern.compile("\\b(?:HTTP|status) (\\d{3})\\b");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private Causes() {
    }

    /**
     * Why an attempt failed, from a retry's reason ({@code "HttpStatusException: HTTP 503 from …"}):
     * {@code http_503} for a status, else the exception's simple name ({@code TransportException}).
     */
    static String retryCause(String reason) {
        int colon = reason.indexOf(':');
        String type = colon > 0 ? reason.substring(0, colon) : reason;
        if (!SIMPLE_NAME.matcher(type).matches()) {
            return "unknown";
        }
        if (type.equals("HttpStatusException") || type.equals("RateLimitedException")) {
            Matcher status = STATUS.matcher(reason);
            if (status.find()) {
                return "http_" + status.group(1);
            }
        }
        return type;
    }

    /**
     * Which limit made a request wait, from a rate-limit event's reason: {@code client_rate} (the
     * client-side rate), {@code server_hint} (a 429's {@code Retry-After} and the like),
     * {@code cost_budget} (GraphQL query cost) or {@code server_budget} (the server's remaining budget).
     */
    static String rateLimitSource(String reason) {
        if (reason.startsWith("client-side rate")) {
            return "client_rate";
        }
        if (reason.startsWith("server:")) {
            return "server_hint";
        }
        if (reason.startsWith("query cost")) {
            return "cost_budget";
        }
        return "server_budget";
    }

    /** {@code 2xx}, {@code 4xx} … for a status. */
    static String statusClass(int status) {
        return status >= 100 && status < 600 ? STATUS_CLASSES[status / 100 - 1] : "unknown";
    }

    /** The classes as constants: every response is tagged with one, and concatenating made a string each time. */
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    /** The simple name of a fully qualified class name. */
    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
