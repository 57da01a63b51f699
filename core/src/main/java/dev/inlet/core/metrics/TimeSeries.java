package dev.inlet.core.metrics;

import dev.inlet.core.Json;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of an {@link Aggregation}: points ordered by bucket start, then by dimension values.
 * Immutable. Writes itself as CSV or JSON for export.
 *
 * @param grain the bucket width
 * @param zone the time zone of the buckets
 * @param dimensionNames the dimensions, sorted
 * @param metricNames the metrics, in the order they were declared
 * @param points the buckets
 * @param unplaced records that had no time and are in no bucket (counted, never silently dropped)
 */
public record TimeSeries(Grain grain, ZoneId zone, List<String> dimensionNames, List<String> metricNames,
        List<Point> points, long unplaced) {

    /** Copies the lists; checks that nothing is null. */
    public TimeSeries {
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(zone, "zone");
        dimensionNames = List.copyOf(dimensionNames);
        metricNames = List.copyOf(metricNames);
        points = List.copyOf(points);
    }

    /** The point for a bucket start (ISO local date or date-time, e.g. {@code 2026-03-29}) and dimensions. */
    public Optional<Point> find(String start, Map<String, String> dimensions) {
        return points.stream().filter(p -> p.start().toLocalDateTime().toString().startsWith(start)
                && p.dimensions().equals(dimensions)).findFirst();
    }

    /** The sum of a metric over all points (for totals lines). */
    public BigDecimal total(String metric) {
        return points.stream().map(p -> p.values().getOrDefault(metric, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** CSV with a header row: {@code start}, the dimensions, the metrics; empty cells for absent values. */
    public String toCsv() {
        StringBuilder out = new StringBuilder("start");
        dimensionNames.forEach(d -> out.append(',').append(csv(d)));
        metricNames.forEach(m -> out.append(',').append(csv(m)));
        out.append('\n');
        for (Point p : points) {
            out.append(p.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            dimensionNames.forEach(d -> out.append(',').append(csv(p.dimension(d))));
            metricNames.forEach(m -> out.append(',').append(p.value(m).map(BigDecimal::toPlainString).orElse("")));
            out.append('\n');
        }
        return out.toString();
    }

    /** JSON: grain, zone, unplaced, and the points with their start, dimensions and values. */
    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("grain", grain.name());
        root.put("zone", zone.getId());
        root.put("unplaced", unplaced);
        ArrayNode array = root.putArray("points");
        for (Point p : points) {
            ObjectNode point = array.addObject();
            point.put("start", p.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            ObjectNode dims = point.putObject("dimensions");
            dimensionNames.forEach(d -> dims.put(d, p.dimension(d)));
            ObjectNode values = point.putObject("values");
            metricNames.forEach(m -> p.value(m).ifPresentOrElse(v -> values.put(m, v), () -> values.putNull(m)));
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
