package dev.inlet.graphql.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GraphQL API last said about its query-cost budget, and what follows for later requests.
 *
 * <p>Two models, read from the responses: Shopify's leaky bucket ({@code throttleStatus}: a
 * maximum, the points available, and a steady restore rate) and GitHub's window ({@code rateLimit}
 * or the {@code x-ratelimit-*} headers: a limit, the points remaining, and when it resets to full).
 * Immutable.
 *
 * @param maximum the most points the budget holds
 * @param available the points available when it was observed
 * @param restoreRate points restored per second (0 for a window that only resets)
 * @param resetAt when the budget is full again (window model), if the API says
 * @param observedAt when the response that said so arrived, by the client's clock
 */
public record CostBudget(double maximum, double available, double restoreRate, Optional<Instant> resetAt,
        Instant observedAt) {

    /** Points below which a shortfall is rounding noise, not a reason to wait another millisecond. */
    private static final double EPSILON = 1e-6;

    /** Checks the numbers. */
    public CostBudget {
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(observedAt, "observedAt");
        if (!(maximum > 0) || Double.isNaN(available) || !(restoreRate >= 0)) {
            throw new IllegalArgumentException("a cost budget needs a positive maximum, a number available and a "
                    + "non-negative restore rate; got maximum=" + maximum + ", available=" + available
                    + ", restoreRate=" + restoreRate);
        }
    }

    /** The points available at an instant: restored at the steady rate, or full after the reset. */
    public double availableAt(Instant at) {
        if (resetAt.isPresent() && !at.isBefore(resetAt.get())) {
            return maximum;
        }
        double seconds = Math.max(0, Duration.between(observedAt, at).toNanos() / 1e9);
        return Math.min(maximum, available + restoreRate * seconds);
    }

    /**
     * How long from {@code now} until the budget holds {@code cost} points (a cost above the maximum
     * waits for a full budget); zero if it already does, empty if the budget neither restores nor
     * says when it resets.
     */
    public Optional<Duration> waitFor(double cost, Instant now) {
        double needed = Math.min(cost, maximum);
        double missing = needed - availableAt(now);
        if (missing <= EPSILON) {
            return Optional.of(Duration.ZERO);
        }
        Optional<Duration> untilReset = resetAt.map(r -> Duration.between(now, r));
        if (restoreRate > 0) {
            // Whole milliseconds, rounded up: after the wait the bucket holds at least the cost.
            Duration restore = Duration.ofMillis((long) Math.ceil(missing / restoreRate * 1000));
            return Optional.of(untilReset.filter(r -> r.compareTo(restore) < 0).orElse(restore));
        }
        return untilReset;
    }

    /** This budget after spending {@code cost} points at {@code at}. */
    public CostBudget spend(double cost, Instant at) {
        return new CostBudget(maximum, availableAt(at) - cost, restoreRate,
                resetAt.filter(r -> at.isBefore(r)), at);
    }

    /** One line for messages and events: points available of the maximum, and how it refills. */
    public String describe() {
        String refill = restoreRate > 0 ? ", restoring " + number(restoreRate) + "/s"
                : resetAt.map(r -> ", resets at " + r).orElse("");
        return number(available) + " of " + number(maximum) + " points available" + refill;
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
