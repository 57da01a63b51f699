package dev.inlet.jdbc;

import dev.inlet.core.metrics.Grain;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One metric value of the history: the latest computation of its bucket.
 *
 * @param metric the metric's name
 * @param grain the bucket width
 * @param start the bucket's start
 * @param dimensions the dimension values (empty for a metric without dimensions)
 * @param value the value
 * @param computedAt when it was computed
 * @param computationId the computation that produced it (its runs: {@link MetricHistory#runs(String)})
 */
public record StoredPoint(String metric, Grain grain, Instant start, Map<String, String> dimensions, BigDecimal value,
        Instant computedAt, String computationId) {

    /** Copies the map; checks that nothing is null. */
    public StoredPoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(start, "start");
        dimensions = Map.copyOf(dimensions);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(computationId, "computationId");
    }
}
