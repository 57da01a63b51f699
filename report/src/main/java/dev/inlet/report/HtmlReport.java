package dev.inlet.report;

import dev.inlet.core.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One self-contained HTML page about runs: a table of the {@link RunReport}s, the metric {@link Chart}s
 * as inline SVG line and bar charts (each with its data table), the run's timeline from a
 * {@link RunTimeline}, the quarantined records by rule, and refused webhook deliveries. The file needs
 * nothing else: no script at all, no style sheet, font or image from elsewhere (its content security
 * policy forbids them), so it can be mailed, archived or opened offline. All text from the data is
 * escaped; nothing in it becomes markup.
 *
 * <p>Immutable and thread-safe. The same input renders the same bytes (the "generated" time comes from
 * the {@link Builder#clock clock}), so a test can compare files.
 *
 * <pre>{@code
 * Path file = HtmlReport.builder().title("Nightly sync").zone(ZoneId.of("Europe/Berlin"))
 *         .runs(timeline.reports()).timeline(timeline)
 *         .chart(Chart.bar("Orders per day").series("orders", daily, "orders").build())
 *         .build().writeTo(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** The default title. */
    public static final String DEFAULT_TITLE = "Inlet report";

    /** How many rows a table shows by default; the rest are counted under it. */
    public static final int DEFAULT_MAX_ROWS = 500;

    private final String title;
    private final ZoneId zone;
    private final Clock clock;
    private final List<RunReport> runs;
    private final List<Chart> charts;
    private final Optional<List<TimelineEvent>> timeline;
    private final long droppedEvents;
    private final Optional<List<RefusedDelivery>> refused;
    private final int maxRows;

    private HtmlReport(Builder builder) {
        this.title = builder.title;
        this.zone = builder.zone;
        this.clock = builder.clock;
        this.runs = List.copyOf(builder.runs);
        this.charts = List.copyOf(builder.charts);
        this.timeline = builder.timeline.map(List::copyOf);
        this.droppedEvents = builder.droppedEvents;
        this.refused = builder.refused.map(List::copyOf);
        this.maxRows = builder.maxRows;
    }

    /** A builder; see its methods for the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The page as HTML, UTF-8 text. */
    public String render() {
        return new ReportPage(title, zone, clock.instant(), runs, charts, timeline, droppedEvents, refused, maxRows)
                .render();
    }

    /**
     * Writes the page to {@code file} (creating its directory; replacing the file whole, never leaving
     * half a page) and returns the file's absolute path.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writeTo(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".inlet-report-", ".tmp");
            try {
                Files.writeString(temp, render(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the HTML report to " + target + ": " + e.getMessage()
                    + "; check that the directory is writable", e);
        }
    }

    @Override
    public String toString() {
        return "HtmlReport[" + title + ", " + runs.size() + " runs, " + charts.size() + " charts]";
    }

    /**
     * Builds an {@link HtmlReport}. Defaults: title {@value HtmlReport#DEFAULT_TITLE}, zone UTC, clock
     * {@code Clock.systemUTC()}, at most {@value HtmlReport#DEFAULT_MAX_ROWS} rows per table, and no runs,
     * charts, timeline or refused deliveries: a section appears only for what it was given.
     */
    public static final class Builder {

        private String title = DEFAULT_TITLE;
        private ZoneId zone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();
        private final List<RunReport> runs = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private Optional<List<TimelineEvent>> timeline = Optional.empty();
        private long droppedEvents;
        private Optional<List<RefusedDelivery>> refused = Optional.empty();
        private int maxRows = DEFAULT_MAX_ROWS;

        private Builder() {
        }

        /** The page's title and main heading (default {@value HtmlReport#DEFAULT_TITLE}). */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** The time zone for every time and date shown, and for day buckets (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The clock for the "generated" line (default {@code Clock.systemUTC()}; a fixed one for repeatable files). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a run's report (runs appear in the order added). */
        public Builder run(RunReport report) {
            runs.add(Objects.requireNonNull(report, "report"));
            return this;
        }

        /** Adds runs' reports, e.g. {@link RunTimeline#reports()}. */
        public Builder runs(Collection<RunReport> reports) {
            reports.forEach(this::run);
            return this;
        }

        /** Adds a chart (charts appear in the order added). */
        public Builder chart(Chart chart) {
            charts.add(Objects.requireNonNull(chart, "chart"));
            return this;
        }

        /** The timeline to draw: a snapshot of its events now (a timeline that records on is not followed). */
        public Builder timeline(RunTimeline timeline) {
            this.timeline = Optional.of(timeline.events());
            this.droppedEvents = timeline.dropped();
            return this;
        }

        /** The refused webhook deliveries to list; the section appears (saying "none") even for an empty list. */
        public Builder refusedDeliveries(Collection<RefusedDelivery> rows) {
            this.refused = Optional.of(List.copyOf(rows));
            return this;
        }

        /** The most rows a table shows (default {@value HtmlReport#DEFAULT_MAX_ROWS}); the rest are counted. */
        public Builder maxRowsPerTable(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxRowsPerTable must be at least 1, was " + rows);
            }
            this.maxRows = rows;
            return this;
        }

        /** The report. */
        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
