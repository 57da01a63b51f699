package dev.inlet.report;

import dev.inlet.core.metrics.Point;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.report.internal.Numbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One chart of an {@link HtmlReport}: a title, a kind (line or bar), axis labels and its series over
 * time (at most {@value #MAX_SERIES}). The report draws it as inline SVG with axes, ticks, a legend, and
 * a title and description for screen readers. Immutable; build it with {@link #line} or {@link #bar}.
 *
 * <pre>{@code
 * Chart revenue = Chart.line("Revenue per day").yLabel("revenue")
 *         .seriesBy(charges, "revenue", "currency").build();
 * }</pre>
 */
public final class Chart {

    /** The most series one chart shows; {@link Builder#seriesBy} folds the smallest into one "other" series. */
    public static final int MAX_SERIES = 8;

    /** How the values are drawn. */
    public enum Kind {
        /** A line per series, a dot per value; a bucket without a value breaks the line. */
        LINE,
        /** Grouped bars: one slot per bucket, one bar per series in it. */
        BAR
    }

    private final Kind kind;
    private final String title;
    private final String yLabel;
    private final Optional<String> xLabel;
    private final Optional<String> description;
    private final List<ChartSeries> series;

    private Chart(Builder builder) {
        this.kind = builder.kind;
        this.title = builder.title;
        this.yLabel = builder.yLabel;
        this.xLabel = builder.xLabel;
        this.description = builder.description;
        this.series = List.copyOf(builder.series);
    }

    /** A line chart titled {@code title}. */
    public static Builder line(String title) {
        return new Builder(Kind.LINE, title);
    }

    /** A bar chart titled {@code title}. */
    public static Builder bar(String title) {
        return new Builder(Kind.BAR, title);
    }

    /** Line or bar. */
    public Kind kind() {
        return kind;
    }

    /** The chart's title (a heading in the page, and the SVG's {@code <title>}). */
    public String title() {
        return title;
    }

    /** The y axis label. */
    public String yLabel() {
        return yLabel;
    }

    /** The x axis label, if set; otherwise the report writes "day" or "time" with its time zone. */
    public Optional<String> xLabel() {
        return xLabel;
    }

    /** The description for screen readers, if set; otherwise the report writes one from the data. */
    public Optional<String> description() {
        return description;
    }

    /** The series, in legend order. */
    public List<ChartSeries> series() {
        return series;
    }

    /** Builds a {@link Chart}. Defaults: y label {@code "value"}, no series. */
    public static final class Builder {

        private final Kind kind;
        private final String title;
        private String yLabel = "value";
        private Optional<String> xLabel = Optional.empty();
        private Optional<String> description = Optional.empty();
        private final List<ChartSeries> series = new ArrayList<>();

        private Builder(Kind kind, String title) {
            this.kind = kind;
            this.title = Objects.requireNonNull(title, "title");
        }

        /** The y axis label (default {@code "value"}); name the unit, e.g. {@code "revenue (EUR)"}. */
        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /** The x axis label (default: {@code "day (<zone>)"} for daily buckets, else {@code "time (<zone>)"}). */
        public Builder xLabel(String label) {
            this.xLabel = Optional.of(label);
            return this;
        }

        /** What the chart shows, for screen readers (default: generated from the series and their range). */
        public Builder description(String text) {
            this.description = Optional.of(text);
            return this;
        }

        /** Adds a series. */
        public Builder series(ChartSeries one) {
            series.add(Objects.requireNonNull(one, "series"));
            return this;
        }

        /** Adds a metric of a time series, summed over its dimensions per bucket (to 34 significant digits). */
        public Builder series(String label, TimeSeries source, String metric) {
            return series(label, source, metric, null);
        }

        /** Adds a metric of a time series for one combination of dimension values. */
        public Builder series(String label, TimeSeries source, String metric, Map<String, String> dimensions) {
            checkMetric(source, metric);
            Map<Instant, BigDecimal> sums = new TreeMap<>();
            for (Point p : source.points()) {
                if (dimensions == null || p.dimensions().equals(dimensions)) {
                    p.value(metric).ifPresent(v -> sums.merge(p.instant(), v, Numbers::add));
                }
            }
            List<ChartPoint> points = new ArrayList<>();
            sums.forEach((at, value) -> points.add(new ChartPoint(at, value)));
            return series(new ChartSeries(label, points));
        }

        /**
         * Adds one series per value of a dimension (labelled {@code "<metric> <value>"}, in order of the
         * values); beyond {@value #MAX_SERIES} series the ones with the smallest totals are summed into
         * one labelled {@code "<metric> other (n)"}.
         */
        public Builder seriesBy(TimeSeries source, String metric, String dimension) {
            checkMetric(source, metric);
            if (!source.dimensionNames().contains(dimension)) {
                throw new IllegalArgumentException("the time series has no dimension '" + dimension
                        + "'; its dimensions are " + source.dimensionNames());
            }
            Map<String, Map<Instant, BigDecimal>> byValue = new TreeMap<>();
            for (Point p : source.points()) {
                p.value(metric).ifPresent(v -> byValue.computeIfAbsent(p.dimension(dimension), k -> new TreeMap<>())
                        .merge(p.instant(), v, Numbers::add));
            }
            List<String> values = new ArrayList<>(byValue.keySet());
            int room = MAX_SERIES - series.size();
            List<String> shown = values;
            if (values.size() > room) {
                shown = values.stream().sorted(Comparator.comparing((String v) -> total(byValue.get(v))).reversed()
                        .thenComparing(Comparator.naturalOrder())).limit(Math.max(0, room - 1)).sorted().toList();
            }
            Map<Instant, BigDecimal> other = new TreeMap<>();
            for (String value : values) {
                if (shown.contains(value)) {
                    series(new ChartSeries(metric + " " + value, points(byValue.get(value))));
                } else {
                    byValue.get(value).forEach((at, v) -> other.merge(at, v, Numbers::add));
                }
            }
            if (values.size() > shown.size()) {
                series(new ChartSeries(metric + " other (" + (values.size() - shown.size()) + ")", points(other)));
            }
            return this;
        }

        /** The chart; fails if it has more than {@value #MAX_SERIES} series (a legend nobody can read). */
        public Chart build() {
            if (series.size() > MAX_SERIES) {
                throw new IllegalArgumentException("chart '" + title + "' has " + series.size() + " series; at most "
                        + MAX_SERIES + " stay readable: split it, or use seriesBy, which folds the smallest");
            }
            return new Chart(this);
        }

        private static void checkMetric(TimeSeries source, String metric) {
            if (!source.metricNames().contains(metric)) {
                throw new IllegalArgumentException("the time series has no metric '" + metric + "'; its metrics are "
                        + source.metricNames());
            }
        }

        private static BigDecimal total(Map<Instant, BigDecimal> values) {
            return values.values().stream().reduce(BigDecimal.ZERO, Numbers::add);
        }

        private static List<ChartPoint> points(Map<Instant, BigDecimal> values) {
            List<ChartPoint> points = new ArrayList<>();
            values.forEach((at, value) -> points.add(new ChartPoint(at, value)));
            return points;
        }
    }
}
