package dev.inlet.declarative;

import dev.inlet.core.metrics.Aggregation;
import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.declarative.internal.MetricSpec;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A metric of a {@link Definition} ({@code metrics:}): a number defined once, reviewed like code and
 * computed the same way in-app and on the command line. Checked at load against its stream's schema
 * (every field it names exists, and a summed or averaged field is numeric), mapped onto core's
 * {@link Aggregation}. Immutable and thread-safe.
 *
 * <pre>{@code
 * MetricDefinition revenue = definition.metric("daily_revenue").orElseThrow();
 * try (Stream<JsonNode> charges = bound.connector(revenue.stream()).records()) {
 *     TimeSeries series = revenue.aggregate(charges);
 * }
 * }</pre>
 */
public final class MetricDefinition {

    private final MetricSpec spec;

    MetricDefinition(MetricSpec spec) {
        this.spec = spec;
    }

    /** The metric's name (also the name of its value in the {@link TimeSeries}). */
    public String name() {
        return spec.name();
    }

    /** What it measures. */
    public String description() {
        return spec.description();
    }

    /** Who answers for it, if named. */
    public Optional<String> owner() {
        return Optional.ofNullable(spec.owner());
    }

    /** The stream it is computed over. */
    public String stream() {
        return spec.stream();
    }

    /** {@code count}, {@code sum}, {@code average} or {@code distinct_count}. */
    public String measure() {
        return spec.measure();
    }

    /** The measured field (a JSON Pointer); empty for a count. */
    public Optional<String> field() {
        return Optional.ofNullable(spec.field());
    }

    /** The record's time field (a JSON Pointer). */
    public String time() {
        return spec.time();
    }

    /** The fields grouped by (JSON Pointers). */
    public List<String> dimensions() {
        return spec.dimensions();
    }

    /** The bucket width. */
    public Grain grain() {
        return spec.grain();
    }

    /** The time zone of the buckets. */
    public ZoneId zone() {
        return spec.zone();
    }

    /** Whether a record passes the metric's filters. */
    public Predicate<JsonNode> filter() {
        return spec.filter();
    }

    /** The aggregation (without the filters: apply {@link #filter()} first, or use {@link #aggregate}). */
    public Aggregation<JsonNode> aggregation() {
        return spec.aggregation();
    }

    /** The metric over records of its stream: filtered, then aggregated. */
    public TimeSeries aggregate(Stream<JsonNode> records) {
        return aggregation().aggregate(records.filter(filter()));
    }

    @Override
    public String toString() {
        return "Metric[" + name() + ": " + measure() + field().map(f -> " " + f).orElse("") + " of " + stream() + " by "
                + grain() + "]";
    }
}
