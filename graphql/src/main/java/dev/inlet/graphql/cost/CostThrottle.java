package dev.inlet.graphql.cost;

import dev.inlet.graphql.GraphQlClient;
import dev.inlet.graphql.cost.internal.CostPacing;
import dev.inlet.graphql.cost.internal.CostSignals;
import dev.inlet.core.InletListener;
import dev.inlet.core.error.RateLimitedException;
import dev.inlet.core.Sleeper;
import dev.inlet.core.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces GraphQL requests by the server's own query-cost accounting, so they are not throttled.
 *
 * <p>Every response's cost data (Shopify's {@code extensions.cost}, a GitHub {@code rateLimit}
 * object, the {@code x-ratelimit-*} headers) updates the throttle's picture of the budget (a
 * {@link CostBudget}) and of what each operation costs. Before the next request it waits exactly as
 * long as the budget needs to hold that operation's expected cost — its last
 * {@code requestedQueryCost} — through the pipeline's {@link Sleeper}, reporting the wait as an
 * {@link InletListener#rateLimited} event. Until a response has said anything, requests go at once.
 *
 * <p>Share one throttle between every client and connector that spends the same budget (Shopify:
 * one app on one shop). Thread-safe: concurrent requests reserve their expected cost, so they do
 * not all go at once into a bucket that holds only one of them.
 *
 * <pre>{@code
 * CostThrottle shop = CostThrottle.create();
 * GraphQlClient client = GraphQlClient.builder("https://shop.myshopify.com/admin/api/2025-01/graphql.json")
 *         .costThrottle(shop).build();
 * }</pre>
 */
public final class CostThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(CostThrottle.class);

    static {
        // The client (another package) paces through this; the methods stay out of the throttle's API.
        CostPacing.install(new CostPacing.Access() {
            @Override
            public Duration acquire(CostThrottle throttle, String operationKey, String operationName, String connector,
                    Clock clock, Sleeper sleeper, InletListener listener, Duration maxWait) {
                return throttle.acquire(operationKey, operationName, connector, clock, sleeper, listener, maxWait);
            }

            @Override
            public void observe(CostThrottle throttle, String operationKey, CostSignals signals) {
                throttle.observe(operationKey, signals);
            }
        });
    }

    /** Waits are recomputed after sleeping; a budget that keeps moving away does not stall a caller. */
    private static final int MAX_ROUNDS = 3;

    private final String name;
    private final double reserve;
    private final double defaultCost;
    private final Map<String, Double> expectedCosts = new ConcurrentHashMap<>();
    private CostBudget budget;

    private CostThrottle(Builder b) {
        this.name = b.name;
        this.reserve = b.reserve;
        this.defaultCost = b.defaultCost;
    }

    /** A throttle with the defaults (see {@link Builder}). */
    public static CostThrottle create() {
        return builder().build();
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name given in rate-limit events and logs. */
    public String name() {
        return name;
    }

    /** The budget as last reported by the server (with local spending since), if any response said. */
    public synchronized Optional<CostBudget> budget() {
        return Optional.ofNullable(budget);
    }

    /** The cost the throttle expects for an operation's next request: what the server last charged it. */
    private double expectedCost(String operationKey) {
        return expectedCosts.getOrDefault(operationKey, defaultCost);
    }

    /**
     * Waits until the budget holds the operation's expected cost, then reserves it.
     *
     * @param maxWait the longest wait allowed; a longer one fails fast
     * @return how long it waited
     * @throws RateLimitedException if the wait would exceed {@code maxWait}
     */
    private Duration acquire(String operationKey, String operationName, String connector, Clock clock,
            Sleeper sleeper, InletListener listener, Duration maxWait) {
        double cost = expectedCost(operationKey);
        Duration waited = Duration.ZERO;
        for (int round = 1; ; round++) {
            Duration wait;
            String reason;
            synchronized (this) {
                if (budget == null) {
                    return waited;
                }
                Instant now = clock.instant();
                double needed = Math.min(cost + reserve, budget.maximum());
                wait = budget.waitFor(needed, now).orElse(Duration.ZERO);
                if (wait.isZero() || round > MAX_ROUNDS) {
                    budget = budget.spend(cost, now);
                    return waited;
                }
                reason = "query cost: " + operationName + " needs " + CostBudget.number(needed) + " points, "
                        + CostBudget.number(Math.max(0, budget.availableAt(now))) + " of "
                        + CostBudget.number(budget.maximum()) + " available" + refill(budget);
                if (wait.compareTo(maxWait) > 0) {
                    throw new RateLimitedException("The GraphQL cost budget '" + name + "' is too low for "
                            + operationName + " (" + reason + ")", wait, now.plus(wait));
                }
            }
            LOG.debug("Waiting {} ms for the GraphQL cost budget '{}': {}", wait.toMillis(), name, reason);
            InletListener.RateLimited event = new InletListener.RateLimited(connector, name, wait, reason);
            try {
                listener.rateLimited(event);
            } catch (RuntimeException e) {
                LOG.warn("An InletListener failed; the call goes on", e);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while waiting for the GraphQL cost budget '" + name + "'",
                        false, e);
            }
            waited = waited.plus(wait);
        }
    }

    /** Takes in what a response said: the budget now, and what the operation cost. */
    private void observe(String operationKey, CostSignals signals) {
        if (!Double.isNaN(signals.requestedCost()) && signals.requestedCost() >= 0) {
            expectedCosts.put(operationKey, signals.requestedCost());
        }
        synchronized (this) {
            budget = signals.budget();
        }
    }

    private static String refill(CostBudget budget) {
        return budget.restoreRate() > 0 ? ", restoring " + CostBudget.number(budget.restoreRate()) + "/s"
                : budget.resetAt().map(r -> ", full again at " + r).orElse("");
    }

    @Override
    public String toString() {
        CostBudget b = budget().orElse(null);
        return "CostThrottle[" + name + ", " + (b == null ? "nothing observed yet" : b.describe()) + "]";
    }

    /**
     * Builds a {@link CostThrottle}; not thread-safe.
     *
     * <p>Defaults: named {@code "graphql-cost"}; no reserve (wait only for the operation's own cost:
     * the server's numbers are already conservative, as the budget restores while the response
     * travels); an operation not seen yet is expected to cost 1 point.
     */
    public static final class Builder {
        private String name = "graphql-cost";
        private double reserve;
        private double defaultCost = 1;

        private Builder() {
        }

        /** The name in rate-limit events and logs (e.g. the shop's host). */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a cost throttle needs a non-blank name");
            }
            this.name = name;
            return this;
        }

        /**
         * Points to keep free beyond each request's cost, for other clients spending the same budget
         * (another process of the same app). Default 0.
         */
        public Builder reserve(double points) {
            if (!(points >= 0) || Double.isInfinite(points)) {
                throw new IllegalArgumentException("reserve must be a finite number >= 0, was " + points);
            }
            this.reserve = points;
            return this;
        }

        /** The cost expected of an operation before the server has charged it once. Default 1. */
        public Builder defaultCost(double points) {
            if (!(points > 0) || Double.isInfinite(points)) {
                throw new IllegalArgumentException("defaultCost must be a finite number > 0, was " + points);
            }
            this.defaultCost = points;
            return this;
        }

        /** The throttle. */
        public CostThrottle build() {
            return new CostThrottle(this);
        }
    }
}
