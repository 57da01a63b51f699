package dev.inlet.core.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One bucket of a {@link TimeSeries}: when it starts, its dimension values, and the value of every
 * metric. A metric without a value (the average, minimum or maximum of an empty bucket) is absent.
 *
 * @param start when the bucket starts, in the series' time zone
 * @param dimensions the bucket's dimension values, by dimension name (empty without dimensions)
 * @param values the metrics' values, by metric name; counts are whole numbers
 */
public record Point(ZonedDateTime start, Map<String, String> dimensions, Map<String, BigDecimal> values) {

    /** Copies the maps; checks that nothing is null. */
    public Point {
        Objects.requireNonNull(start, "start");
        dimensions = Map.copyOf(dimensions);
        values = Map.copyOf(values);
    }

    /** The bucket's start as an instant. */
    public Instant instant() {
        return start.toInstant();
    }

    /** A metric's value, if it has one in this bucket. */
    public Optional<BigDecimal> value(String metric) {
        return Optional.ofNullable(values.get(metric));
    }

    /** A dimension's value ({@code ""} if the series has no such dimension). */
    public String dimension(String name) {
        return dimensions.getOrDefault(name, "");
    }
}
