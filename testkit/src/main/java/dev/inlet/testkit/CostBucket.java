package dev.inlet.testkit;

/**
 * Shopify's leaky bucket of GraphQL query cost: {@code maximumAvailable} points, refilled at
 * {@code restoreRate} points per second in real time; a query whose requested cost is more than what
 * is available is refused with a {@code THROTTLED} error.
 */
final class CostBucket {

    private final double maximum;
    private final double restoreRate;
    private double available;
    private long refilledAt = System.nanoTime();

    CostBucket(double maximum, double restoreRate) {
        if (!(maximum >= 1) || !(restoreRate > 0)) {
            throw new FakeApiConfigException("FakeApi.graphQlCostLimit(" + maximum + ", " + restoreRate + "): invalid",
                    "pass a bucket of 1 point or more and a positive restore rate, e.g. (1000, 50) as Shopify's");
        }
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
    }

    /** Charges {@code cost} if available; the points left afterwards, or -1 (nothing charged) if throttled. */
    synchronized double charge(double cost) {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - refilledAt) / 1e9 * restoreRate);
        refilledAt = now;
        if (cost > available) {
            return -1;
        }
        available -= cost;
        return available;
    }

    synchronized double available() {
        return available;
    }

    double maximum() {
        return maximum;
    }

    double restoreRate() {
        return restoreRate;
    }
}
