package dev.inlet.core.retry;

import dev.inlet.core.Headers;
import dev.inlet.core.ResponseInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads how long a server asks the client to wait before trying again.
 *
 * <p>Understood, in order of precedence:
 * <ol>
 *   <li>{@code Retry-After} as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3, all three date
 *       forms), on any status;</li>
 *   <li>the reset of the request budget ({@link ServerBudget}: the IETF {@code RateLimit} fields,
 *       then {@code X-RateLimit-Reset}), when the response is a 429 or says the budget is used up —
 *       which covers GitHub's 403 with {@code X-RateLimit-Remaining: 0}.</li>
 * </ol>
 *
 * <p>Absolute times are measured against the response's own {@code Date} header when present, so a
 * skewed client clock does not shorten or stretch the wait. A time already past yields zero.
 */
public final class WaitHints {

    private WaitHints() {
    }

    /**
     * The wait the response asks for, if it asks for one.
     *
     * @param response the response (its status and headers)
     * @param clock the client's clock, used only when the response has no {@code Date} header
     */
    public static Optional<Duration> from(ResponseInfo response, Clock clock) {
        return find(response, clock).map(WaitHint::delay);
    }

    /**
     * The wait the response asks for and the field that asked, if it asks for one.
     *
     * @param response the response (its status and headers)
     * @param clock the client's clock, used only when the response has no {@code Date} header
     */
    public static Optional<WaitHint> find(ResponseInfo response, Clock clock) {
        Headers headers = response.headers();
        Instant serverNow = ServerBudget.serverNow(headers, clock);
        Optional<Duration> retryAfter = headers.first("Retry-After").flatMap(v -> parseRetryAfter(v, serverNow));
        if (retryAfter.isPresent()) {
            return Optional.of(new WaitHint(retryAfter.get(), "Retry-After"));
        }
        Optional<ServerBudget> budget = ServerBudget.from(response, clock);
        if (budget.isPresent() && budget.get().resetIn().isPresent()
                && (response.status() == 429 || budget.get().isExhausted())) {
            String source = budget.get().source().replace("Remaining", "Reset");
            return Optional.of(new WaitHint(budget.get().resetIn().get(), source));
        }
        if (response.status() == 429) {
            // A 429 may name only the reset, without the remaining count.
            for (String name : new String[] {"X-RateLimit-Reset", "X-Rate-Limit-Reset", "RateLimit-Reset"}) {
                Optional<Duration> reset = headers.first(name).flatMap(v -> ServerBudget.parseReset(v, serverNow));
                if (reset.isPresent()) {
                    return Optional.of(new WaitHint(reset.get(), name));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the response says the request budget is used up ({@code X-RateLimit-Remaining: 0},
     * IETF {@code r=0} …).
     */
    public static boolean isBudgetExhausted(ResponseInfo response) {
        return ServerBudget.from(response, Clock.systemUTC()).map(ServerBudget::isExhausted).orElse(false);
    }

    /**
     * {@code Retry-After}: delta-seconds or an HTTP-date relative to the server's now. An absurdly
     * large number of seconds saturates (and so fails fast against any sane cap) rather than
     * overflowing.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant serverNow) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            long seconds = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
            return Optional.of(ServerBudget.clamp(Duration.ofSeconds(Math.min(seconds,
                    ServerBudget.MAX_RESET.toSeconds() + 1))));
        }
        return HttpDates.parse(v).map(at -> ServerBudget.clamp(Duration.between(serverNow, at)));
    }
}
