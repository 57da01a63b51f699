package dev.inlet.report;

import dev.inlet.report.internal.Html;
import dev.inlet.report.internal.Numbers;
import dev.inlet.report.internal.Scale;
import dev.inlet.report.internal.Style;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * draws a {@link Chart} as an inline SVG: a legend, a y axis with nice ticks and grid
 * lines, one x slot per bucket (every bucket of any series, in time order), and a line with dots or
 * grouped bars per series. Every dot and bar carries a {@code <title>} tooltip; the SVG has a title and
 * a description for screen readers. Values too large for a double are left out of the drawing.
 */
final class ChartSvg {

    static final int WIDTH = 720;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int PLOT_HEIGHT = 240;
    private static final int BOTTOM = 56;
    private static final int LEGEND_ROW = 20;
    private static final int MAX_LABEL = 32;

    private final Chart chart;
    private final String id;
    private final List<Instant> slots;
    private final boolean daily;
    private final DateTimeFormatter tickFormat;
    private final DateTimeFormatter fullFormat;

    /**
     * A chart to draw.
     *
     * @param chart the chart
     * @param id a page-unique id prefix for its title and description
     * @param zone the zone bucket starts are shown in
     */
    public ChartSvg(Chart chart, String id, ZoneId zone) {
        this.chart = chart;
        this.id = id;
        TreeSet<Instant> all = new TreeSet<>();
        chart.series().forEach(s -> s.points().forEach(p -> all.add(p.at())));
        this.slots = new ArrayList<>(all);
        this.daily = slots.stream().allMatch(at -> at.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT));
        this.tickFormat = DateTimeFormatter.ofPattern(daily ? "MM-dd" : "MM-dd HH:mm").withZone(zone);
        this.fullFormat = DateTimeFormatter.ofPattern(daily ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** The x axis label: the chart's, or "day"/"time" with the zone. */
    public String xLabel(ZoneId zone) {
        return chart.xLabel().orElse((daily ? "day" : "time") + " (" + zone.getId() + ")");
    }

    /** Writes the SVG. */
    public void write(Html html, ZoneId zone) {
        List<String> legend = chart.series().stream().map(ChartSeries::label).toList();
        List<List<Integer>> legendRows = legendRows(legend);
        int top = 12 + legendRows.size() * LEGEND_ROW + 8;
        int height = top + PLOT_HEIGHT + BOTTOM;
        String kind = chart.kind() == Chart.Kind.LINE ? "line" : "bar";
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + WIDTH + " " + height,
                "role", "img", "aria-labelledby", id + "-title " + id + "-desc", "class", "chart chart-" + kind,
                "data-kind", kind, "data-series-count", Integer.toString(chart.series().size()),
                "preserveAspectRatio", "xMidYMid meet");
        html.element("title", chart.title(), "id", id + "-title");
        html.element("desc", chart.description().orElseGet(() -> describe(zone)), "id", id + "-desc").newline();
        writeLegend(html, legend, legendRows);
        double[] range = range();
        if (range == null) {
            html.element("text", "No data", "class", "empty", "x", Integer.toString(WIDTH / 2), "y",
                    Integer.toString(top + PLOT_HEIGHT / 2), "text-anchor", "middle");
            html.close("svg").newline();
            return;
        }
        Scale y = Scale.nice(range[0], range[1], true, 5, top + PLOT_HEIGHT, top);
        writeYAxis(html, y, top);
        writeXAxis(html, top + PLOT_HEIGHT, zone);
        for (int s = 0; s < chart.series().size(); s++) {
            if (chart.kind() == Chart.Kind.LINE) {
                writeLine(html, s, y);
            } else {
                writeBars(html, s, y);
            }
        }
        html.close("svg").newline();
    }

    private List<List<Integer>> legendRows(List<String> labels) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        int x = LEFT;
        for (int i = 0; i < labels.size(); i++) {
            int width = legendWidth(labels.get(i));
            if (!row.isEmpty() && x + width > WIDTH - RIGHT) {
                rows.add(row);
                row = new ArrayList<>();
                x = LEFT;
            }
            row.add(i);
            x += width;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static int legendWidth(String label) {
        return 30 + 7 * Math.min(label.length(), MAX_LABEL) + 16;
    }

    private void writeLegend(Html html, List<String> labels, List<List<Integer>> rows) {
        html.open("g", "class", "legend-items");
        for (int r = 0; r < rows.size(); r++) {
            int x = LEFT;
            int y = 12 + r * LEGEND_ROW;
            for (int s : rows.get(r)) {
                String label = labels.get(s);
                html.empty("line", "x1", Integer.toString(x), "y1", Integer.toString(y + 6), "x2",
                        Integer.toString(x + 24), "y2", Integer.toString(y + 6), "stroke", Style.color(s),
                        "stroke-width", chart.kind() == Chart.Kind.BAR ? "10" : "3", "stroke-dasharray",
                        chart.kind() == Chart.Kind.BAR ? null : Style.dash(s));
                html.open("text", "class", "legend", "x", Integer.toString(x + 30), "y", Integer.toString(y + 10))
                        .text(shorten(label));
                html.element("title", label).close("text");
                x += legendWidth(label);
            }
        }
        html.close("g").newline();
    }

    private void writeYAxis(Html html, Scale y, int top) {
        int right = WIDTH - RIGHT;
        html.open("g", "class", "y-axis");
        for (double tick : y.ticks()) {
            String py = Numbers.coordinate(y.at(tick));
            html.empty("line", "class", "grid", "x1", Integer.toString(LEFT), "y1", py, "x2", Integer.toString(right),
                    "y2", py);
            html.element("text", y.label(tick), "class", "tick", "x", Integer.toString(LEFT - 6), "y", py,
                    "dy", "4", "text-anchor", "end");
        }
        html.empty("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(top), "x2",
                Integer.toString(LEFT), "y2", Integer.toString(top + PLOT_HEIGHT));
        int middle = top + PLOT_HEIGHT / 2;
        html.open("text", "class", "axis-label y-label", "x", "14", "y", Integer.toString(middle), "text-anchor",
                "middle", "transform", "rotate(-90 14 " + middle + ")").text(shorten(chart.yLabel()))
                .close("text");
        html.close("g").newline();
    }

    private void writeXAxis(Html html, int baseline, ZoneId zone) {
        int right = WIDTH - RIGHT;
        html.open("g", "class", "x-axis");
        html.empty("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(baseline), "x2",
                Integer.toString(right), "y2", Integer.toString(baseline));
        int every = Math.max(1, (int) Math.ceil(slots.size() / ((right - LEFT) / (daily ? 44.0 : 80.0))));
        for (int i = 0; i < slots.size(); i += every) {
            String x = Numbers.coordinate(slotCenter(i));
            html.empty("line", "class", "axis", "x1", x, "y1", Integer.toString(baseline), "x2", x, "y2",
                    Integer.toString(baseline + 4));
            html.element("text", tickFormat.format(slots.get(i)), "class", "tick x-tick", "x", x, "y",
                    Integer.toString(baseline + 18), "text-anchor", "middle");
        }
        html.open("text", "class", "axis-label x-label", "x", Integer.toString((LEFT + right) / 2), "y",
                Integer.toString(baseline + 44), "text-anchor", "middle").text(shorten(xLabel(zone))).close("text");
        html.close("g").newline();
    }

    private void writeLine(Html html, int s, Scale y) {
        ChartSeries series = chart.series().get(s);
        Map<Instant, BigDecimal> values = drawable(series);
        StringBuilder path = new StringBuilder();
        boolean connected = false;
        for (int i = 0; i < slots.size(); i++) {
            BigDecimal v = values.get(slots.get(i));
            if (v == null) {
                connected = false;
                continue;
            }
            path.append(connected ? " L" : path.length() == 0 ? "M" : " M").append(Numbers.coordinate(slotCenter(i)))
                    .append(' ').append(Numbers.coordinate(y.at(v.doubleValue())));
            connected = true;
        }
        html.open("g", "class", "series", "data-series", Integer.toString(s));
        if (path.length() > 0) {
            html.empty("path", "class", "series-line", "d", path.toString(), "fill", "none", "stroke", Style.color(s),
                    "stroke-width", "2", "stroke-dasharray", Style.dash(s));
        }
        for (int i = 0; i < slots.size(); i++) {
            BigDecimal v = values.get(slots.get(i));
            if (v != null) {
                html.open("circle", "class", "point", "data-series", Integer.toString(s), "cx",
                        Numbers.coordinate(slotCenter(i)), "cy", Numbers.coordinate(y.at(v.doubleValue())), "r", "3", "fill",
                        Style.color(s));
                html.element("title", tooltip(series, slots.get(i), v)).close("circle");
            }
        }
        html.close("g").newline();
    }

    private void writeBars(Html html, int s, Scale y) {
        ChartSeries series = chart.series().get(s);
        Map<Instant, BigDecimal> values = drawable(series);
        double group = slotWidth() * 0.8;
        double bar = group / chart.series().size();
        double zero = y.at(Math.max(y.min(), Math.min(0, y.max())));
        html.open("g", "class", "series", "data-series", Integer.toString(s));
        for (int i = 0; i < slots.size(); i++) {
            BigDecimal exact = values.get(slots.get(i));
            if (exact == null) {
                continue;
            }
            double v = exact.doubleValue();
            double x = slotCenter(i) - group / 2 + s * bar;
            double top = Math.min(zero, y.at(v));
            double height = Math.max(Math.abs(zero - y.at(v)), v == 0 ? 0 : 0.5);
            html.open("rect", "class", "bar", "data-series", Integer.toString(s), "x", Numbers.coordinate(x), "y",
                    Numbers.coordinate(top), "width", Numbers.coordinate(Math.max(bar - 1, 1)), "height",
                    Numbers.coordinate(height), "fill", Style.color(s));
            html.element("title", tooltip(series, slots.get(i), exact)).close("rect");
        }
        html.close("g").newline();
    }

    private String tooltip(ChartSeries series, Instant at, BigDecimal value) {
        return series.label() + ", " + fullFormat.format(at) + ": " + Numbers.format(value);
    }

    /** The values that can be drawn (finite as doubles), by bucket. */
    private static Map<Instant, BigDecimal> drawable(ChartSeries series) {
        Map<Instant, BigDecimal> values = new HashMap<>();
        for (ChartPoint p : series.points()) {
            if (Double.isFinite(p.value().doubleValue())) {
                values.put(p.at(), p.value());
            }
        }
        return values;
    }

    /** The lowest and highest drawable value, or null if there is none. */
    private double[] range() {
        double[] range = null;
        for (ChartSeries series : chart.series()) {
            for (BigDecimal exact : drawable(series).values()) {
                double v = exact.doubleValue();
                range = range == null ? new double[] {v, v} : new double[] {Math.min(range[0], v), Math.max(range[1], v)};
            }
        }
        return range;
    }

    private double slotWidth() {
        return (double) (WIDTH - RIGHT - LEFT) / Math.max(1, slots.size());
    }

    private double slotCenter(int index) {
        return LEFT + (index + 0.5) * slotWidth();
    }

    /** A description for screen readers: kind, buckets, range and each series' total. */
    private String describe(ZoneId zone) {
        if (slots.isEmpty()) {
            return (chart.kind() == Chart.Kind.LINE ? "Line" : "Bar") + " chart without data.";
        }
        StringBuilder out = new StringBuilder(chart.kind() == Chart.Kind.LINE ? "Line" : "Bar").append(" chart of ")
                .append(chart.yLabel()).append(", ").append(chart.series().size()).append(" series over ")
                .append(slots.size()).append(daily ? " days" : " buckets").append(" from ")
                .append(fullFormat.format(slots.get(0))).append(" to ").append(fullFormat.format(slots.get(slots.size() - 1)))
                .append(" (").append(zone.getId()).append("). Totals: ");
        for (int s = 0; s < chart.series().size(); s++) {
            ChartSeries series = chart.series().get(s);
            out.append(s == 0 ? "" : "; ").append(series.label()).append(' ').append(Numbers.format(
                    series.points().stream().map(ChartPoint::value).reduce(BigDecimal.ZERO, Numbers::add)));
        }
        return out.append('.').toString();
    }

    /** The bucket starts, in time order. */
    public List<Instant> slots() {
        return slots;
    }

    /** A bucket start as the chart's tooltips and data table write it. */
    public String format(Instant at) {
        return fullFormat.format(at);
    }

    static String shorten(String label) {
        return shorten(label, MAX_LABEL);
    }

    /** At most {@code max} characters, the last an ellipsis when cut (never half a surrogate pair). */
    static String shorten(String label, int max) {
        if (label.length() <= max) {
            return label;
        }
        int end = Character.isHighSurrogate(label.charAt(max - 2)) ? max - 2 : max - 1;
        return label.substring(0, end) + "\u2026";
    }
}
