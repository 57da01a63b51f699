package dev.inlet.core.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * How to turn records into a {@link TimeSeries}: the time of a record, the bucket width and time
 * zone, the dimensions to group by, and the metrics (count, sum, average, min, max, distinct count).
 * Immutable and thread-safe; each aggregation run uses its own {@link Accumulator}.
 *
 * <pre>{@code
 * Aggregation<Charge> revenue = Aggregation.<Charge>builder(c -> c.created())
 *         .grain(Grain.DAY).zone(ZoneId.of("Europe/Berlin"))
 *         .dimension("currency", Charge::currency)
 *         .sum("revenue", Charge::amount).count("orders").distinctCount("customers", Charge::customer)
 *         .build();
 * TimeSeries daily = revenue.aggregate(charges.records());
 * }</pre>
 *
 * <p>Records are folded one at a time, so a lazy stream is never held in memory: the series holds one
 * small state per bucket and dimension combination (a distinct count holds its distinct values).
 *
 * @param <T> the record type
 */
public final class Aggregation<T> {

    private final Function<T, Instant> time;
    private final Grain grain;
    private final ZoneId zone;
    private final Map<String, Function<T, String>> dimensions;
    private final List<Metric<T>> metrics;
    private final boolean fillGaps;
    private final Instant from;
    private final Instant to;

    private Aggregation(Builder<T> b) {
        this.time = b.time;
        this.grain = b.grain;
        this.zone = b.zone;
        this.dimensions = Map.copyOf(b.dimensions);
        this.metrics = List.copyOf(b.metrics);
        this.fillGaps = b.fillGaps;
        this.from = b.from;
        this.to = b.to;
    }

    /**
     * A builder for records whose time the function reads (return null for a record without one:
     * it is counted as unplaced, never silently dropped).
     */
    public static <T> Builder<T> builder(Function<T, Instant> time) {
        return new Builder<>(time);
    }

    /** Folds every record of the stream, consuming and closing it, and returns the series. */
    public TimeSeries aggregate(Stream<T> records) {
        Accumulator<T> accumulator = newAccumulator();
        try (records) {
            records.forEach(accumulator::add);
        }
        return accumulator.result();
    }

    /** A collector for {@code stream.collect(...)}. */
    public Collector<T, Accumulator<T>, TimeSeries> collector() {
        return Collector.of(this::newAccumulator, Accumulator::add, Accumulator::merge, Accumulator::result);
    }

    /** A new, empty accumulator: add records (or webhook events) as they come, read the series any time. */
    public Accumulator<T> newAccumulator() {
        return new Accumulator<>(this);
    }

    Function<T, Instant> time() {
        return time;
    }

    Grain grain() {
        return grain;
    }

    ZoneId zone() {
        return zone;
    }

    List<String> dimensionNames() {
        return new ArrayList<>(new java.util.TreeSet<>(dimensions.keySet()));
    }

    Function<T, String> dimension(String name) {
        return dimensions.get(name);
    }

    List<Metric<T>> metrics() {
        return metrics;
    }

    boolean fillGaps() {
        return fillGaps;
    }

    Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    /**
     * Builds an {@link Aggregation}; not thread-safe. Defaults: daily buckets in UTC, no dimensions,
     * no gap filling; averages to 4 decimal places (half-even). At least one metric is required.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {
        private final Function<T, Instant> time;
        private Grain grain = Grain.DAY;
        private ZoneId zone = ZoneOffset.UTC;
        private final Map<String, Function<T, String>> dimensions = new LinkedHashMap<>();
        private final List<Metric<T>> metrics = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int averageScale = 4;
        private boolean fillGaps;
        private Instant from;
        private Instant to;

        private Builder(Function<T, Instant> time) {
            this.time = Objects.requireNonNull(time, "time");
        }

        /** The bucket width. Default {@link Grain#DAY}. */
        public Builder<T> grain(Grain grain) {
            this.grain = Objects.requireNonNull(grain, "grain");
            return this;
        }

        /** The time zone whose calendar defines buckets. Default UTC. */
        public Builder<T> zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Groups by a dimension (a null value groups as {@code ""}). */
        public Builder<T> dimension(String name, Function<T, String> value) {
            unique(name);
            dimensions.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Counts records. */
        public Builder<T> count(String name) {
            return metric(name, Metric.Kind.COUNT, r -> null);
        }

        /** Sums a decimal field (null values are left out). */
        public Builder<T> sum(String name, Function<T, BigDecimal> field) {
            return metric(name, Metric.Kind.SUM, field);
        }

        /** Averages a decimal field over the records that have it. */
        public Builder<T> average(String name, Function<T, BigDecimal> field) {
            return metric(name, Metric.Kind.AVERAGE, field);
        }

        /** The smallest value of a decimal field. */
        public Builder<T> min(String name, Function<T, BigDecimal> field) {
            return metric(name, Metric.Kind.MIN, field);
        }

        /** The largest value of a decimal field. */
        public Builder<T> max(String name, Function<T, BigDecimal> field) {
            return metric(name, Metric.Kind.MAX, field);
        }

        /** Counts distinct values of a field (e.g. customers). */
        public Builder<T> distinctCount(String name, Function<T, ?> field) {
            return metric(name, Metric.Kind.DISTINCT, field);
        }

        /** Decimal places of averages. Default 4. */
        public Builder<T> averageScale(int scale) {
            if (scale < 0) {
                throw new IllegalArgumentException("averageScale must be >= 0, was " + scale);
            }
            this.averageScale = scale;
            return this;
        }

        /**
         * Fills empty buckets (count 0, sum 0, no average) between the first and last bucket seen,
         * for every dimension combination seen.
         */
        public Builder<T> fillGaps() {
            this.fillGaps = true;
            return this;
        }

        /** Fills empty buckets over this whole range (start inclusive, end exclusive). */
        public Builder<T> fillGaps(Instant from, Instant to) {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("fillGaps range is empty: " + from + " .. " + to);
            }
            this.fillGaps = true;
            this.from = from;
            this.to = to;
            return this;
        }

        /** The immutable aggregation. */
        public Aggregation<T> build() {
            if (metrics.isEmpty()) {
                throw new IllegalStateException("an aggregation needs at least one metric (count, sum, …)");
            }
            return new Aggregation<>(this);
        }

        @SuppressWarnings("unchecked")
        private Builder<T> metric(String name, Metric.Kind kind, Function<T, ?> field) {
            unique(name);
            Objects.requireNonNull(field, "field");
            metrics.add(new Metric<>(name, kind, (Function<T, Object>) field, averageScale));
            return this;
        }

        private void unique(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("metric and dimension names must not be blank");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("the name '" + name + "' is used twice");
            }
        }
    }
}
