package dev.inlet.core.retry;

import dev.inlet.core.Headers;
import dev.inlet.core.ResponseInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a server asks the client to wait before trying again.
 *
 * <p>Understood, in order of precedence:
 * <ol>
 *   <li>{@code Retry-After} as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3);</li>
 *   <li>the IETF {@code RateLimit} field, both the structured form ({@code "default";r=0;t=30}) and
 *       the older {@code limit=, remaining=, reset=} form, and {@code RateLimit-Reset};</li>
 *   <li>{@code X-RateLimit-Reset} (and {@code X-Rate-Limit-Reset}) as epoch seconds, epoch
 *       milliseconds or delta-seconds, when the remaining budget is zero or the response is a 429 —
 *       which covers GitHub's 403 with {@code X-RateLimit-Remaining: 0}.</li>
 * </ol>
 *
 * <p>Absolute times are measured against the response's own {@code Date} header when present, so a
 * skewed client clock does not shorten or stretch the wait. A time already past yields zero.
 */
public final class WaitHints {

    private static final Pattern STRUCTURED_T = Pattern.compile("(?:^|;)\\s*t\\s*=\\s*(\\d+)");
    private static final Pattern LEGACY_RESET = Pattern.compile("(?:^|[,;\\s])reset\\s*=\\s*(\\d+)");
    private static final Pattern STRUCTURED_R = Pattern.compile("(?:^|;)\\s*r\\s*=\\s*(\\d+)");
    private static final Pattern LEGACY_REMAINING = Pattern.compile("(?:^|[,;\\s])remaining\\s*=\\s*(\\d+)");

    private WaitHints() {
    }

    /**
     * The wait the response asks for, if it asks for one.
     *
     * @param response the response (its status and headers)
     * @param clock the client's clock, used only when the response has no {@code Date} header
     */
    public static Optional<Duration> from(ResponseInfo response, Clock clock) {
        Headers headers = response.headers();
        Instant serverNow = serverNow(headers, clock);
        Optional<Duration> retryAfter = headers.first("Retry-After").flatMap(v -> parseRetryAfter(v, serverNow));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        Optional<Duration> ietf = ietfReset(headers);
        if (ietf.isPresent() && (response.status() == 429 || ietfRemainingIsZero(headers))) {
            return ietf;
        }
        boolean exhausted = remainingIsZero(headers);
        if (response.status() == 429 || exhausted) {
            return headers.first("X-RateLimit-Reset").or(() -> headers.first("X-Rate-Limit-Reset"))
                    .flatMap(v -> parseReset(v, serverNow));
        }
        return Optional.empty();
    }

    /** Whether the response says the budget is used up ({@code X-RateLimit-Remaining: 0} or IETF r=0). */
    public static boolean isBudgetExhausted(ResponseInfo response) {
        return remainingIsZero(response.headers()) || ietfRemainingIsZero(response.headers());
    }

    /** {@code Retry-After}: delta-seconds or an HTTP-date relative to the server's now. */
    static Optional<Duration> parseRetryAfter(String value, Instant serverNow) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.length() > 12 ? v.substring(0, 12) : v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(serverNow, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A reset value: epoch milliseconds, epoch seconds, or delta-seconds. */
    static Optional<Duration> parseReset(String value, Instant serverNow) {
        String v = value.trim();
        int dot = v.indexOf('.');
        if (dot > 0) {
            v = v.substring(0, dot);
        }
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 15) {
            return Optional.empty();
        }
        long n = Long.parseLong(v);
        if (n > 100_000_000_000L) {
            return Optional.of(nonNegative(Duration.between(serverNow, Instant.ofEpochMilli(n))));
        }
        if (n > 1_000_000_000L) {
            return Optional.of(nonNegative(Duration.between(serverNow, Instant.ofEpochSecond(n))));
        }
        return Optional.of(Duration.ofSeconds(n));
    }

    private static Optional<Duration> ietfReset(Headers headers) {
        for (String value : headers.all("RateLimit")) {
            Matcher t = STRUCTURED_T.matcher(value);
            if (t.find()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(t.group(1))));
            }
            Matcher reset = LEGACY_RESET.matcher(value);
            if (reset.find()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(reset.group(1))));
            }
        }
        return headers.first("RateLimit-Reset").flatMap(v -> {
            String s = v.trim();
            return !s.isEmpty() && s.length() < 12 && s.chars().allMatch(Character::isDigit)
                    ? Optional.of(Duration.ofSeconds(Long.parseLong(s))) : Optional.empty();
        });
    }

    private static boolean ietfRemainingIsZero(Headers headers) {
        for (String value : headers.all("RateLimit")) {
            Matcher r = STRUCTURED_R.matcher(value);
            if (r.find()) {
                return Long.parseLong(r.group(1)) == 0;
            }
            Matcher remaining = LEGACY_REMAINING.matcher(value);
            if (remaining.find()) {
                return Long.parseLong(remaining.group(1)) == 0;
            }
        }
        return headers.first("RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent();
    }

    private static boolean remainingIsZero(Headers headers) {
        return headers.first("X-RateLimit-Remaining").or(() -> headers.first("X-Rate-Limit-Remaining"))
                .map(String::trim).filter("0"::equals).isPresent();
    }

    private static Instant serverNow(Headers headers, Clock clock) {
        return headers.first("Date").flatMap(d -> {
            try {
                return Optional.of(ZonedDateTime.parse(d.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }).orElseGet(clock::instant);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
