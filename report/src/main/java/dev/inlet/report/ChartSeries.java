package dev.inlet.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named line or set of bars of a {@link Chart}: its points in time order, at most one per instant.
 * Build it from any source (a stored metric history, your own numbers); {@link Chart.Builder} builds
 * it from a core {@code TimeSeries} for you. Immutable.
 *
 * @param label what the legend calls it (any text; it is escaped)
 * @param points its values, sorted by time on construction
 */
public record ChartSeries(String label, List<ChartPoint> points) {

    /** Sorts the points by time; checks that nothing is null and that no instant appears twice. */
    public ChartSeries {
        Objects.requireNonNull(label, "label");
        points = points.stream().sorted(Comparator.comparing(ChartPoint::at)).toList();
        Set<java.time.Instant> seen = new HashSet<>();
        for (ChartPoint p : points) {
            if (!seen.add(p.at())) {
                throw new IllegalArgumentException("series '" + label + "' has two points at " + p.at()
                        + "; a series has at most one value per bucket (sum or pick one before charting)");
            }
        }
    }
}
