package dev.inlet.cli.internal;

import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.metrics.Point;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.declarative.MetricDefinition;
import dev.inlet.jdbc.DriverDataSource;
import dev.inlet.jdbc.MetricHistory;
import dev.inlet.jdbc.RunLineage;
import dev.inlet.jdbc.StoredPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code metrics FILE METRIC --into JDBC-URL} and {@code --history JDBC-URL [--from] [--to]}: the computed
 * series stored into inlet-jdbc's {@link MetricHistory} (one row per bucket, replaced when recomputed, with
 * the runs it was read from), and read back from it without calling the API.
 */
final class HistoryOption {

    // The range read when --from / --to are not given: every bucket any database here can hold.
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    @Option(names = "--into", paramLabel = "JDBC-URL",
            description = "Also store the computed points in the database's metric history (table "
                    + "inlet_metric_history; a recomputed bucket replaces its value, the run's lineage is kept).")
    String into;

    @Option(names = "--history", paramLabel = "JDBC-URL",
            description = "Print the series stored in the database's metric history instead of computing it "
                    + "(no API call).")
    String history;

    @Option(names = "--from", paramLabel = "DATE|DATE-TIME",
            description = "With --history: the first bucket start to print (inclusive; a date is midnight in the "
                    + "metric's zone).")
    String from;

    @Option(names = "--to", paramLabel = "DATE|DATE-TIME",
            description = "With --history: print buckets starting before this (exclusive).")
    String to;

    /** Refuses what does not combine (exit 2), before the database or the API is asked anything. */
    void check(boolean metricGiven, boolean reportGiven) {
        if (!metricGiven && (into != null || history != null || from != null || to != null)) {
            throw new UsageException((into != null ? "--into" : history != null ? "--history" : "--from/--to")
                    + " needs a METRIC: inlet metrics FILE METRIC …");
        }
        if (into != null && history != null) {
            throw new UsageException("--into and --history do not combine: --into stores what is computed, "
                    + "--history prints what was stored");
        }
        if (history == null && (from != null || to != null)) {
            throw new UsageException("--from/--to apply only with --history");
        }
        if (history != null && reportGiven) {
            throw new UsageException("--report does not combine with --history (no run to report: the history "
                    + "is read from the database)");
        }
        if (into != null) {
            IntoOption.checkUrl("--into", into);
        }
        if (history != null) {
            IntoOption.checkUrl("--history", history);
        }
    }

    /** Opens the history {@code --into} names (creating its tables if missing), so a bad URL fails before any run. */
    MetricHistory openInto() {
        return open(into);
    }

    private static MetricHistory open(String url) {
        return DeliveryTable.redacting(url, () -> MetricHistory.in(DriverDataSource.of(url)));
    }

    /**
     * Stores the series with the lineage of the runs it was read from; prints on stderr how many points were
     * new, changed or unchanged, and how many stored buckets of the range this computation no longer has.
     */
    void store(MetricHistory target, MetricDefinition m, TimeSeries series, List<RunReport> runs, Context context) {
        List<Point> valued = series.points().stream().filter(p -> p.value(m.name()).isPresent()).toList();
        Map<Bucket, BigDecimal> before = new HashMap<>();
        if (!valued.isEmpty()) {
            Instant first = valued.get(0).instant();
            // Buckets are at least an hour apart: a second past the last start takes it in and nothing after.
            Instant end = valued.get(valued.size() - 1).instant().plusSeconds(1);
            DeliveryTable.redacting(into, () -> target.series(m.name(), series.grain(), first, end))
                    .forEach(s -> before.put(new Bucket(s.start(), s.dimensions()), s.value()));
        }
        int added = 0;
        int changed = 0;
        for (Point p : valued) {
            BigDecimal old = before.remove(new Bucket(p.instant(), p.dimensions()));
            if (old == null) {
                added++;
            } else if (old.compareTo(p.value(m.name()).orElseThrow()) != 0) {
                changed++;
            }
        }
        List<RunLineage> lineage = runs.stream().map(r -> RunLineage.of(r, m.stream(), Position.start())).toList();
        String id = DeliveryTable.redacting(into, () -> target.store(series, lineage));
        context.err.println("inlet: stored " + valued.size() + (valued.size() == 1 ? " point" : " points") + " of "
                + m.name() + " (" + grain(m) + ") at " + IntoOption.redact(into) + ": " + added + " new, " + changed
                + " changed, " + (valued.size() - added - changed) + " unchanged"
                + (before.isEmpty() ? "" : "; " + before.size() + " stored "
                        + (before.size() == 1 ? "bucket" : "buckets") + " in that range not recomputed, kept")
                + " (computation " + id + ")");
    }

    /** The stored series of the metric in the range asked, as the computation would print it. */
    TimeSeries read(MetricDefinition m, String file) {
        Instant start = from == null ? EARLIEST : SinceOption.parse("--from", from, m.zone());
        Instant end = to == null ? LATEST : SinceOption.parse("--to", to, m.zone());
        if (!start.isBefore(end)) {
            throw new UsageException("--from " + from + " is not before --to " + to + "; the range is [from, to)");
        }
        MetricHistory stored = open(history);
        List<StoredPoint> found = DeliveryTable.redacting(history, () -> stored.series(m.name(), m.grain(), start, end));
        // The names and the order of a computed series: the metric's aggregation over nothing.
        TimeSeries shape = m.aggregate(Stream.empty());
        if (found.isEmpty()) {
            String range = from == null && to == null ? "" : " in [" + (from == null ? "" : from) + ", "
                    + (to == null ? "" : to) + ")";
            throw new NoHistoryException("no stored points of metric " + m.name() + " (" + grain(m) + ")" + range
                    + " at " + IntoOption.redact(history), "store them with `inlet metrics " + file + " " + m.name()
                    + " --into JDBC-URL`" + (range.isEmpty() ? "" : ", or widen --from/--to"));
        }
        List<Point> points = new ArrayList<>();
        for (StoredPoint s : found) {
            points.add(new Point(ZonedDateTime.ofInstant(s.start(), m.zone()), s.dimensions(),
                    Map.of(m.name(), s.value())));
        }
        points.sort(Comparator.comparing(Point::instant).thenComparing(p -> String.join("\u0000",
                shape.dimensionNames().stream().map(p::dimension).toList())));
        // The history keeps the records no bucket held per computation, not per series: 0 here.
        return new TimeSeries(shape.grain(), shape.zone(), shape.dimensionNames(), shape.metricNames(), points, 0);
    }

    private static String grain(MetricDefinition m) {
        return m.grain().name().toLowerCase(Locale.ROOT);
    }

    /** A bucket of one metric: its start and dimension values. */
    private record Bucket(Instant start, Map<String, String> dimensions) {
    }
}
