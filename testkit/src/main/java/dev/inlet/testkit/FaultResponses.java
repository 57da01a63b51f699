package dev.inlet.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the faults that replace or rewrite the page (the socket layer does the others):
 * what {@link FakeResponder} sends for them, kept apart so the responder stays about paging.
 */
final class FaultResponses {

    /** RFC 9110's preferred HTTP date, always two-digit days (RFC_1123_DATE_TIME prints one). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private FaultResponses() {
    }

    /** The answer sent instead of the page, or empty when the fault keeps the page. */
    static Optional<RawResponse> instead(Fault f, Map<String, String> limitHeaders, Clock clock) {
        switch (f.kind()) {
            case STATUS: {
                RawResponse r = RawResponse.json(f.status(), ("{\"error\":\"injected fault " + f + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).withHeaders(limitHeaders);
                return Optional.of(f.duration().isZero() ? r
                        : r.withHeaders(Map.of("Retry-After", String.valueOf(wholeSeconds(f.duration())))));
            }
            case RATE_LIMITED: {
                long seconds = wholeSeconds(f.duration());
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Retry-After", String.valueOf(seconds));
                h.put("X-RateLimit-Remaining", "0");
                h.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + seconds));
                return Optional.of(RawResponse.json(429, "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8))
                        .withHeaders(h));
            }
            case RATE_LIMITED_UNTIL: {
                // HTTP dates have whole seconds: the server's Date is truncated so the wait stays exact.
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Date", httpDate(now));
                h.put("Retry-After", httpDate(now.plusSeconds(wholeSeconds(f.duration()))));
                return Optional.of(RawResponse.json(429, "{\"error\":\"rate limited\"}".getBytes(StandardCharsets.UTF_8))
                        .withHeaders(h));
            }
            case ERROR_IN_BODY:
                return Optional.of(RawResponse.json(200, f.body().orElseThrow().getBytes(StandardCharsets.UTF_8)));
            case HTML_ERROR_PAGE:
                return Optional.of(new RawResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                        "<html><body><h1>Service temporarily unavailable</h1></body></html>"
                                .getBytes(StandardCharsets.UTF_8), Optional.empty()));
            default:
                return Optional.empty();
        }
    }

    /**
     * The page cut just before the closing brace of its last record: the last {@code "}]"} closes
     * the records (or Relay's edges; the envelopes hold no array of objects), so cutting at it
     * leaves every record before the last whole. A page without records is cut in half.
     */
    static RawResponse cut(RawResponse page) {
        byte[] body = page.body();
        int at = body.length / 2;
        for (int i = body.length - 2; i > 0; i--) {
            if (body[i] == '}' && body[i + 1] == ']') {
                at = i;
                break;
            }
        }
        return new RawResponse(page.status(), page.headers(), Arrays.copyOf(body, at), Optional.empty());
    }

    private static long wholeSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    private static String httpDate(Instant at) {
        return IMF_FIXDATE.format(at.atOffset(ZoneOffset.UTC));
    }
}
