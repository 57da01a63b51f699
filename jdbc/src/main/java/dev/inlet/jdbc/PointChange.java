package dev.inlet.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One computation of a bucket: the value it stored and the value it replaced (empty the first time).
 *
 * @param computationId the computation
 * @param computedAt when
 * @param previous the value before, if the bucket had one
 * @param value the value it stored
 */
public record PointChange(String computationId, Instant computedAt, Optional<BigDecimal> previous, BigDecimal value) {

    /** Checks that nothing is null. */
    public PointChange {
        Objects.requireNonNull(computationId, "computationId");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(value, "value");
    }
}
