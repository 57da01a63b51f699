package dev.inlet.cli.internal;

import dev.inlet.core.InletListener;
import dev.inlet.report.Chart;
import dev.inlet.report.HtmlReport;
import dev.inlet.report.RunTimeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE}: the run's self-contained HTML report (inlet-report: the runs table, the timeline
 * of pages, retries and rate-limit waits, quarantined records, and charts the command adds). Written after
 * the command, also when it failed (then the report shows how far it got); its path goes to stderr.
 */
final class ReportOption {

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the run's HTML report (timeline, runs, quarantine, charts) to FILE.")
    Path file;

    private RunTimeline timeline;

    /** The listener to bind with: {@code base} alone, or with the timeline the report is drawn from. */
    InletListener listener(InletListener base) {
        if (file == null) {
            return base;
        }
        timeline = RunTimeline.create();
        return InletListener.all(List.of(base, timeline));
    }

    /**
     * Writes the report if {@code --report} was given and {@link #listener} was called, printing its path.
     *
     * @param failure the command's failure, if it failed: a failure to write the report is added to it
     *     instead of replacing it
     */
    void write(String title, List<Chart> charts, Context context, Optional<Throwable> failure) {
        if (file == null || timeline == null) {
            return;
        }
        try {
            HtmlReport.Builder report = HtmlReport.builder().title(title).runs(timeline.reports()).timeline(timeline);
            charts.forEach(report::chart);
            Path written = report.build().writeTo(file);
            context.err.println("inlet: report written to " + written);
        } catch (RuntimeException e) {
            if (failure.isEmpty()) {
                throw e;
            }
            failure.get().addSuppressed(e);
        }
    }
}
