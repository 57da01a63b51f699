package dev.inlet.graphql.cost.internal;

import dev.inlet.graphql.cost.CostBudget;
import dev.inlet.graphql.cost.CostThrottle;
import dev.inlet.core.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one response says about query cost (internal: read by the client, taken in by {@link CostThrottle}): the budget left and the cost of the query it answered.
 * Read from, in order of preference: Shopify's {@code extensions.cost}; a GitHub-style
 * {@code rateLimit { cost limit remaining resetAt }} object at the top of {@code data} (under any
 * alias); GitHub's {@code x-ratelimit-limit / -remaining / -reset} headers.
 *
 * @param budget the budget as the response reports it
 * @param requestedCost the points the query was charged up front (Shopify's
 *     {@code requestedQueryCost}, GitHub's {@code cost}), or NaN if the response did not say
 * @param source which signal it came from, for messages
 */
public record CostSignals(CostBudget budget, double requestedCost, String source) {

    /** The signals of a response, if it carries any. */
    public static Optional<CostSignals> read(JsonNode root, Headers headers, Instant now) {
        Optional<CostSignals> shopify = shopify(root, now);
        if (shopify.isPresent()) {
            return shopify;
        }
        Optional<CostSignals> body = rateLimitObject(root, now);
        return body.isPresent() ? body : rateLimitHeaders(headers, now);
    }

    /**
     * How long to wait before the throttled query may run again: until the budget holds the query's
     * cost. Empty when the signals cannot tell (then the retry policy's backoff applies).
     */
    public Optional<Duration> retryWait(Instant now) {
        double cost = Double.isNaN(requestedCost) ? 1 : requestedCost;
        return budget.waitFor(cost, now).filter(wait -> !wait.isZero());
    }

    private static Optional<CostSignals> shopify(JsonNode root, Instant now) {
        JsonNode cost = path(root, "extensions", "cost");
        JsonNode status = cost == null ? null : cost.get("throttleStatus");
        if (status == null || !status.isObject()) {
            return Optional.empty();
        }
        double maximum = number(status.get("maximumAvailable"));
        double available = number(status.get("currentlyAvailable"));
        double rate = number(status.get("restoreRate"));
        if (!(maximum > 0) || Double.isNaN(available) || !(rate >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new CostSignals(new CostBudget(maximum, available, rate, Optional.empty(), now),
                number(cost.get("requestedQueryCost")), "extensions.cost"));
    }

    private static Optional<CostSignals> rateLimitObject(JsonNode root, Instant now) {
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            JsonNode rateLimit = field.getValue();
            if (rateLimit.isObject() && rateLimit.has("remaining") && rateLimit.has("resetAt")) {
                double remaining = number(rateLimit.get("remaining"));
                double limit = number(rateLimit.get("limit"));
                Optional<Instant> resetAt = instant(rateLimit.get("resetAt"));
                if (Double.isNaN(remaining) || resetAt.isEmpty()) {
                    return Optional.empty();
                }
                double maximum = limit > 0 ? limit : Math.max(remaining, 1);
                return Optional.of(new CostSignals(new CostBudget(maximum, remaining, 0, resetAt, now),
                        number(rateLimit.get("cost")), "data." + field.getKey()));
            }
        }
        return Optional.empty();
    }

    private static Optional<CostSignals> rateLimitHeaders(Headers headers, Instant now) {
        Optional<String> remaining = headers.first("x-ratelimit-remaining");
        Optional<String> reset = headers.first("x-ratelimit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        try {
            double left = Double.parseDouble(remaining.get().trim());
            long resetValue = Long.parseLong(reset.get().trim());
            // GitHub sends epoch seconds; some APIs send seconds until the reset.
            Instant resetAt = resetValue > 1_000_000_000L ? Instant.ofEpochSecond(resetValue)
                    : now.plusSeconds(resetValue);
            double limit = headers.first("x-ratelimit-limit").map(v -> parseOr(v, left)).orElse(left);
            return Optional.of(new CostSignals(new CostBudget(Math.max(limit, Math.max(left, 1)), left, 0,
                    Optional.of(resetAt), now), Double.NaN, "x-ratelimit headers"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double parseOr(String value, double fallback) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static JsonNode path(JsonNode root, String first, String second) {
        JsonNode a = root.get(first);
        return a == null || !a.isObject() ? null : a.get(second);
    }

    private static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node == null || !node.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(node.asString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
