package dev.inlet.report;

import dev.inlet.report.TimelineEvent.Kind;
import dev.inlet.report.internal.Html;
import dev.inlet.report.internal.Numbers;
import dev.inlet.report.internal.Scale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * draws a run's timeline as an inline SVG: one lane per connector (sorted by name), time
 * on the x axis in seconds since the first event, and a mark per event: a tick per page, a band for a
 * rate-limit wait as long as the wait, a triangle per retry, a diamond per page with quarantined records,
 * a cross per failed call, a ring per warning, a bar where a run ended. Every mark has a tooltip.
 */
final class TimelineSvg {

    private static final int WIDTH = 720;
    private static final int LEFT = 150;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int LANE = 32;
    private static final int BOTTOM = 52;
    private static final Duration MAX_DRAWN_WAIT = Duration.ofDays(365);

    /** Each kind's colour, in legend order. */
    private static final Map<Kind, String> COLORS = new EnumMap<>(Map.of(Kind.PAGE, "#0072B2", Kind.RATE_LIMIT,
            "#CC79A7", Kind.RETRY, "#E69F00", Kind.QUARANTINE, "#D55E00", Kind.CALL_FAILED, "#B00020", Kind.WARNING,
            "#7F7F00", Kind.RUN_DONE, "#000000"));

    private final List<TimelineEvent> events;
    private final String id;
    private final ZoneId zone;
    private final List<String> lanes;
    private final Instant start;
    private final DateTimeFormatter clockFormat;

    /**
     * A timeline to draw.
     *
     * @param events the events (not empty)
     * @param id a page-unique id prefix for its title and description
     * @param zone the zone times are shown in
     */
    public TimelineSvg(List<TimelineEvent> events, String id, ZoneId zone) {
        this.events = events;
        this.id = id;
        this.zone = zone;
        this.lanes = new ArrayList<>(new TreeSet<>(events.stream().map(TimelineEvent::connector).toList()));
        this.start = events.stream().map(TimelineEvent::at).min(Instant::compareTo).orElseThrow();
        this.clockFormat = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
    }

    /** Writes the SVG. */
    public void write(Html html) {
        Instant end = events.stream().map(e -> e.kind() == Kind.RATE_LIMIT ? waitEnd(e) : e.at())
                .max(Instant::compareTo).orElse(start);
        double span = seconds(end);
        int height = TOP + lanes.size() * LANE + BOTTOM;
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + WIDTH + " " + height, "role",
                "img", "aria-labelledby", id + "-title " + id + "-desc", "class", "chart chart-timeline", "data-kind",
                "timeline", "data-lanes", Integer.toString(lanes.size()), "preserveAspectRatio", "xMidYMid meet");
        html.element("title", "Timeline of the runs", "id", id + "-title");
        html.element("desc", describe(span), "id", id + "-desc").newline();
        writeLegend(html);
        Scale x = Scale.nice(0, span, true, 6, LEFT, WIDTH - RIGHT);
        int baseline = TOP + lanes.size() * LANE;
        html.open("g", "class", "x-axis");
        for (double tick : x.ticks()) {
            String px = Numbers.coordinate(x.at(tick));
            html.empty("line", "class", "grid", "x1", px, "y1", Integer.toString(TOP), "x2", px, "y2",
                    Integer.toString(baseline));
            html.element("text", "+" + x.label(tick) + " s", "class", "tick x-tick", "x", px, "y",
                    Integer.toString(baseline + 16), "text-anchor", "middle");
        }
        html.empty("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(baseline), "x2",
                Integer.toString(WIDTH - RIGHT), "y2", Integer.toString(baseline));
        html.element("text", "seconds since " + clockFormat.format(start) + " (" + zone.getId() + ")",
                "class", "axis-label x-label", "x", Integer.toString((LEFT + WIDTH - RIGHT) / 2), "y",
                Integer.toString(baseline + 40), "text-anchor", "middle");
        html.close("g").newline();
        for (int lane = 0; lane < lanes.size(); lane++) {
            writeLane(html, lane, x);
        }
        html.close("svg").newline();
    }

    private void writeLegend(Html html) {
        html.open("g", "class", "legend-items");
        int x = 8;
        for (Map.Entry<Kind, String> kind : COLORS.entrySet()) {
            mark(html, kind.getKey(), x + 6, 14, 6, kind.getValue(), null);
            html.element("text", kind.getKey().label(), "class", "legend", "x", Integer.toString(x + 16), "y", "18");
            x += 24 + 7 * kind.getKey().label().length() + 8;
        }
        html.close("g").newline();
    }

    private void writeLane(Html html, int lane, Scale x) {
        String connector = lanes.get(lane);
        int top = TOP + lane * LANE;
        int middle = top + LANE / 2;
        html.open("g", "class", "lane", "data-lane", Integer.toString(lane));
        html.open("text", "class", "axis-label lane-label", "x", Integer.toString(LEFT - 8), "y",
                Integer.toString(middle + 4), "text-anchor", "end")
                .text(shorten(connector.isEmpty() ? "(no connector)" : connector));
        html.element("title", connector).close("text");
        html.empty("line", "class", "grid", "x1", Integer.toString(LEFT), "y1", Integer.toString(top + LANE), "x2",
                Integer.toString(WIDTH - RIGHT), "y2", Integer.toString(top + LANE));
        // waits first: they are bands in the background, the marks go on top of them
        List<TimelineEvent> ordered = new ArrayList<>(events.stream().filter(e -> e.kind() == Kind.RATE_LIMIT).toList());
        events.stream().filter(e -> e.kind() != Kind.RATE_LIMIT).forEach(ordered::add);
        for (TimelineEvent e : ordered) {
            if (e.connector().equals(connector)) {
                double px = x.at(seconds(e.at()));
                String color = COLORS.get(e.kind());
                if (e.kind() == Kind.RATE_LIMIT) {
                    double width = Math.max(2, x.at(seconds(waitEnd(e))) - px);
                    html.open("rect", "class", "ev ev-rate-limit", "x", Numbers.coordinate(px), "y",
                            Integer.toString(top + 4), "width", Numbers.coordinate(width), "height",
                            Integer.toString(LANE - 8), "fill", color, "fill-opacity", "0.35");
                    html.element("title", tooltip(e)).close("rect");
                } else {
                    mark(html, e.kind(), px, middle, 6, color, tooltip(e));
                }
            }
        }
        html.close("g").newline();
    }

    /** One event's mark, centred on {@code cx, cy}; with a tooltip unless it is null (the legend's). */
    private static void mark(Html html, Kind kind, double cx, double cy, double r, String color, String tooltip) {
        String cls = "ev ev-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String x = Numbers.coordinate(cx);
        String y = Numbers.coordinate(cy);
        switch (kind) {
            case PAGE -> html.open("rect", "class", cls, "x", Numbers.coordinate(cx - 1.5), "y",
                    Numbers.coordinate(cy - r - 2), "width", "3", "height", Numbers.coordinate(2 * r + 4), "fill", color);
            case RATE_LIMIT -> html.open("rect", "class", cls, "x", Numbers.coordinate(cx - r), "y",
                    Numbers.coordinate(cy - r), "width", Numbers.coordinate(2 * r), "height", Numbers.coordinate(2 * r),
                    "fill", color, "fill-opacity", "0.35");
            case RETRY -> html.open("path", "class", cls, "d", "M" + x + " " + Numbers.coordinate(cy - r) + " L"
                    + Numbers.coordinate(cx + r) + " " + Numbers.coordinate(cy + r) + " L" + Numbers.coordinate(cx - r)
                    + " " + Numbers.coordinate(cy + r) + " Z", "fill", color);
            case QUARANTINE -> html.open("path", "class", cls, "d", "M" + x + " " + Numbers.coordinate(cy - r) + " L"
                    + Numbers.coordinate(cx + r) + " " + y + " L" + x + " " + Numbers.coordinate(cy + r) + " L"
                    + Numbers.coordinate(cx - r) + " " + y + " Z", "fill", color);
            case CALL_FAILED -> html.open("path", "class", cls, "d", "M" + Numbers.coordinate(cx - r) + " "
                    + Numbers.coordinate(cy - r) + " L" + Numbers.coordinate(cx + r) + " " + Numbers.coordinate(cy + r)
                    + " M" + Numbers.coordinate(cx + r) + " " + Numbers.coordinate(cy - r) + " L"
                    + Numbers.coordinate(cx - r) + " " + Numbers.coordinate(cy + r), "stroke", color, "stroke-width", "2.5");
            case WARNING -> html.open("circle", "class", cls, "cx", x, "cy", y, "r", Numbers.coordinate(r - 1), "fill",
                    "none", "stroke", color, "stroke-width", "2");
            case RUN_DONE -> html.open("rect", "class", cls, "x", Numbers.coordinate(cx - 2), "y",
                    Numbers.coordinate(cy - r - 6), "width", "4", "height", Numbers.coordinate(2 * r + 12), "fill", color);
        }
        if (tooltip != null) {
            html.element("title", tooltip);
        }
        html.close(switch (kind) {
            case RETRY, QUARANTINE, CALL_FAILED -> "path";
            case WARNING -> "circle";
            default -> "rect";
        });
    }

    private String tooltip(TimelineEvent e) {
        StringBuilder out = new StringBuilder(e.connector()).append(", ").append(e.kind().label()).append(" at ")
                .append(clockFormat.format(e.at()));
        switch (e.kind()) {
            case PAGE -> out.append(": ").append(e.count()).append(" records in ").append(Numbers.duration(e.duration()));
            case QUARANTINE -> out.append(": ").append(e.count()).append(" records rejected");
            case RETRY -> out.append(": attempt ").append(e.count()).append(" failed, next in ")
                    .append(Numbers.duration(e.duration()));
            case RATE_LIMIT -> out.append(": waits ").append(Numbers.duration(e.duration()));
            case CALL_FAILED -> out.append(": after ").append(e.count()).append(" attempts");
            case RUN_DONE -> out.append(": ").append(e.count()).append(" records in ").append(Numbers.duration(e.duration()));
            default -> { }
        }
        return e.detail().isEmpty() ? out.toString() : out.append(" (").append(e.detail()).append(')').toString();
    }

    private String describe(double span) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        events.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        StringBuilder out = new StringBuilder("Timeline of ").append(lanes.size()).append(" connector run(s) over ")
                .append(Numbers.tick(span, 0.1)).append(" s from ").append(clockFormat.format(start)).append(" (")
                .append(zone.getId()).append("): ");
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind.label() + (n == 1 ? "" : " events")));
        return out.append(String.join(", ", parts)).append('.').toString();
    }

    private double seconds(Instant at) {
        Duration since = Duration.between(start, at);
        return since.getSeconds() + since.getNano() / 1e9;
    }

    private static String shorten(String label) {
        return ChartSvg.shorten(label, 18);
    }

    /** Where a wait ends, drawn at most a year long (a hostile hint must not overflow the clock). */
    private static Instant waitEnd(TimelineEvent e) {
        Duration drawn = e.duration().compareTo(MAX_DRAWN_WAIT) > 0 || e.duration().isNegative()
                ? MAX_DRAWN_WAIT : e.duration();
        return e.at().plus(drawn);
    }
}
