package dev.inlet.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One value of a {@link ChartSeries}: when (a bucket's start) and how much. A bucket without a value
 * has no point: a line chart breaks there, a bar chart leaves the slot empty.
 *
 * @param at the bucket's start
 * @param value the value
 */
public record ChartPoint(Instant at, BigDecimal value) {

    /** Checks that nothing is null. */
    public ChartPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
    }
}
