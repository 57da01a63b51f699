package dev.inlet.report;

import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.record.Violation;
import dev.inlet.report.internal.Html;
import dev.inlet.report.internal.Numbers;
import dev.inlet.report.internal.Style;
import dev.inlet.report.internal.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * writes the whole report page: head (title, language, viewport, a content security
 * policy that allows nothing but the inline style sheet), the runs, the charts with their data tables,
 * the timeline, the quarantine tables and the refused webhook deliveries. No script.
 *
 * @param title the page title
 * @param zone the zone times are shown in
 * @param generatedAt when the report is written
 * @param runs the run reports (the runs and quarantine sections appear when there is at least one)
 * @param charts the charts (the metrics section appears when there is at least one)
 * @param timeline the timeline's events, if a timeline was given
 * @param droppedEvents events the timeline did not keep
 * @param refused the refused deliveries, if given
 * @param maxRows the most rows a table shows
 */
record ReportPage(String title, ZoneId zone, Instant generatedAt, List<RunReport> runs, List<Chart> charts,
        Optional<List<TimelineEvent>> timeline, long droppedEvents, Optional<List<RefusedDelivery>> refused,
        int maxRows) {

    /** The content security policy: the inline style sheet, nothing else, from nowhere. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
            + "base-uri 'none'";

    /** The page as HTML. */
    public String render() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        Html html = new Html();
        html.raw("<!DOCTYPE html>").newline().open("html", "lang", "en").newline().open("head").newline();
        html.empty("meta", "charset", "utf-8").newline();
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP).newline();
        html.element("title", title).newline();
        html.open("style").raw(Style.CSS).close("style").newline().close("head").newline();
        html.open("body").newline().open("main").newline();
        html.open("header").element("h1", title);
        html.element("p", "Generated " + time.format(generatedAt) + " (" + zone.getId() + ") by Inlet.", "class",
                "meta");
        html.close("header").newline();
        if (!runs.isEmpty()) {
            writeRuns(html, time);
        }
        if (!charts.isEmpty()) {
            writeCharts(html);
        }
        timeline.ifPresent(events -> writeTimeline(html, events));
        if (!runs.isEmpty()) {
            writeQuarantine(html);
        }
        refused.ifPresent(rows -> writeRefused(html, rows, time));
        html.close("main").newline().close("body").newline().close("html").newline();
        return html.toString();
    }

    private void writeRuns(Html html, DateTimeFormatter time) {
        section(html, "runs", "Runs");
        Table table = new Table("What each connector run did", "connector", "outcome", "started", "elapsed",
                "pages#", "records#", "valid#", "rejected#", "retries#", "waited", "warnings#");
        Table warnings = new Table("Warnings (the first of each run)", "connector", "kind", "page", "message");
        for (RunReport r : runs) {
            table.row(r.connector(), r.completed() ? "completed" : r.failure().map(f -> "failed: " + f)
                            .orElse("stopped early"), time.format(r.startedAt()), Numbers.duration(r.elapsed()),
                    Integer.toString(r.pages()), Long.toString(r.recordsSeen()), Long.toString(r.valid()),
                    Long.toString(r.rejected()), Integer.toString(r.retries()), Numbers.duration(r.waited()),
                    Integer.toString(r.warningCount()));
            for (RunWarning w : r.warnings()) {
                warnings.row(w.connector(), w.kind(), w.position().map(p -> p.describe()).orElse(""), w.message());
            }
        }
        table.write(html, "runs", maxRows);
        if (warnings.size() > 0) {
            warnings.write(html, "warnings", maxRows);
        }
        html.close("section").newline();
    }

    private void writeCharts(Html html) {
        section(html, "metrics", "Metrics");
        for (int i = 0; i < charts.size(); i++) {
            Chart chart = charts.get(i);
            String id = "chart-" + (i + 1);
            html.open("section", "class", "chart-block", "aria-labelledby", id + "-heading");
            html.element("h3", chart.title(), "id", id + "-heading");
            ChartSvg svg = new ChartSvg(chart, id, zone);
            html.open("figure");
            svg.write(html, zone);
            html.close("figure").newline();
            html.open("details").element("summary", "Data of \u201c" + chart.title() + "\u201d");
            dataTable(chart, svg).write(html, "chart-data", maxRows);
            html.close("details").close("section").newline();
        }
        html.close("section").newline();
    }

    private Table dataTable(Chart chart, ChartSvg svg) {
        String[] headers = new String[chart.series().size() + 1];
        headers[0] = svg.xLabel(zone);
        for (int s = 0; s < chart.series().size(); s++) {
            headers[s + 1] = chart.series().get(s).label() + "#";
        }
        Table table = new Table(chart.title() + ": " + chart.yLabel(), headers);
        List<Map<Instant, BigDecimal>> values = chart.series().stream().map(ReportPage::byInstant).toList();
        for (Instant at : svg.slots()) {
            String[] cells = new String[headers.length];
            cells[0] = svg.format(at);
            for (int s = 0; s < values.size(); s++) {
                BigDecimal v = values.get(s).get(at);
                cells[s + 1] = v == null ? "" : Numbers.format(v);
            }
            table.row(cells);
        }
        return table;
    }

    private static Map<Instant, BigDecimal> byInstant(ChartSeries series) {
        Map<Instant, BigDecimal> values = new HashMap<>();
        for (ChartPoint p : series.points()) {
            values.put(p.at(), p.value());
        }
        return values;
    }

    private void writeTimeline(Html html, List<TimelineEvent> events) {
        section(html, "timeline", "Timeline");
        if (events.isEmpty()) {
            html.element("p", "No events were recorded.");
        } else {
            html.open("figure");
            new TimelineSvg(events, "timeline-chart", zone).write(html);
            html.close("figure").newline();
        }
        if (droppedEvents > 0) {
            html.element("p", droppedEvents + " later events are not shown: the timeline was full.", "class", "note");
        }
        DateTimeFormatter precise = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
        Table table = new Table("Retries, waits, quarantines, failures and warnings", "time", "connector", "event",
                "count#", "duration", "detail");
        events.stream().filter(e -> e.kind() != TimelineEvent.Kind.PAGE)
                .forEach(e -> table.row(precise.format(e.at()), e.connector(), e.kind().label(), Long.toString(e.count()),
                        Numbers.duration(e.duration()), e.detail()));
        table.write(html, "timeline-events", maxRows);
        html.close("section").newline();
    }

    private void writeQuarantine(Html html) {
        section(html, "quarantine", "Quarantined records");
        Map<String, Map<String, Long>> byConnector = new TreeMap<>();
        runs.forEach(r -> r.rejectedByRule().forEach((rule, n) -> byConnector.computeIfAbsent(r.connector(),
                k -> new TreeMap<>()).merge(rule, n, Long::sum)));
        if (byConnector.isEmpty()) {
            html.element("p", "No records were rejected.");
        } else {
            Table reasons = new Table("Rejected records by rule (a record failing two rules counts under both)",
                    "connector", "rule", "records#");
            byConnector.forEach((connector, rules) -> rules.forEach((rule, n) -> reasons.row(connector, rule,
                    Long.toString(n))));
            reasons.write(html, "quarantine-reasons", maxRows);
            Table first = new Table("The first rejected records in full", "connector", "page", "record#", "pointer",
                    "rule", "message");
            runs.stream().flatMap(r -> r.firstRejections().stream())
                    .sorted(Comparator.comparing(Rejection::connector).thenComparingLong(Rejection::recordNumber))
                    .forEach(r -> {
                        for (Violation v : r.violations()) {
                            first.row(r.connector(), r.page().describe(), Long.toString(r.recordNumber()), v.pointer(),
                                    v.rule(), v.message());
                        }
                    });
            first.write(html, "quarantine-records", maxRows);
        }
        html.close("section").newline();
    }

    private void writeRefused(Html html, List<RefusedDelivery> rows, DateTimeFormatter time) {
        section(html, "refused", "Refused webhook deliveries");
        if (rows.isEmpty()) {
            html.element("p", "No delivery was refused.");
        } else {
            Table table = new Table("Deliveries the receiver refused", "time", "endpoint", "delivery id", "status#",
                    "reason");
            rows.forEach(r -> table.row(time.format(r.at()), r.endpoint(), r.deliveryId(), Integer.toString(r.status()),
                    r.reason()));
            table.write(html, "refused-deliveries", maxRows);
        }
        html.close("section").newline();
    }

    private static void section(Html html, String id, String heading) {
        html.open("section", "id", id, "aria-labelledby", id + "-heading").newline();
        html.element("h2", heading, "id", id + "-heading").newline();
    }
}
