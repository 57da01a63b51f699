package dev.inlet.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * One aggregate over a record field: how to read the field and how to fold it into a bucket. The
 * folding state lives in a {@link Cell}, one per bucket.
 */
final class Metric<T> {

    /** The aggregate functions. */
    enum Kind {
        COUNT, SUM, AVERAGE, MIN, MAX, DISTINCT
    }

    final String name;
    final Kind kind;
    private final Function<T, ?> field;
    private final int averageScale;

    Metric(String name, Kind kind, Function<T, ?> field, int averageScale) {
        this.name = name;
        this.kind = kind;
        this.field = field;
        this.averageScale = averageScale;
    }

    Cell newCell() {
        return new Cell();
    }

    /** The running state of one metric in one bucket. Not thread-safe (the accumulator locks). */
    final class Cell {
        private long count;
        private BigDecimal sum = BigDecimal.ZERO;
        private BigDecimal extreme;
        private Set<Object> distinct;

        void add(T record) {
            if (kind == Kind.COUNT) {
                count++;
                return;
            }
            Object value = field.apply(record);
            if (value == null) {
                return; // a missing value is not a zero: it does not count towards sum, average or extremes
            }
            if (kind == Kind.DISTINCT) {
                if (distinct == null) {
                    distinct = new HashSet<>();
                }
                distinct.add(value);
                return;
            }
            BigDecimal number = (BigDecimal) value;
            count++;
            switch (kind) {
                case SUM, AVERAGE -> sum = sum.add(number);
                case MIN -> extreme = extreme == null || number.compareTo(extreme) < 0 ? number : extreme;
                case MAX -> extreme = extreme == null || number.compareTo(extreme) > 0 ? number : extreme;
                default -> throw new IllegalStateException(kind.toString());
            }
        }

        /** Folds another cell of the same metric into this one (for parallel aggregation). */
        void merge(Cell other) {
            count += other.count;
            sum = sum.add(other.sum);
            if (other.extreme != null) {
                boolean smaller = extreme == null || other.extreme.compareTo(extreme) < 0;
                boolean larger = extreme == null || other.extreme.compareTo(extreme) > 0;
                if (kind == Kind.MIN && smaller || kind == Kind.MAX && larger) {
                    extreme = other.extreme;
                }
            }
            if (other.distinct != null) {
                if (distinct == null) {
                    distinct = new HashSet<>();
                }
                distinct.addAll(other.distinct);
            }
        }

        /** The value, or null when the bucket has none (average, min, max of nothing). */
        BigDecimal value() {
            return switch (kind) {
                case COUNT -> BigDecimal.valueOf(count);
                case SUM -> sum;
                case DISTINCT -> BigDecimal.valueOf(distinct == null ? 0 : distinct.size());
                case AVERAGE -> count == 0 ? null : sum.divide(BigDecimal.valueOf(count), averageScale,
                        RoundingMode.HALF_EVEN);
                case MIN, MAX -> extreme;
            };
        }
    }
}
