package dev.inlet.examples.demo;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import dev.inlet.report.RunTimeline;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Shows, on an interactive terminal, one line that keeps count of the records each connector has
 * read so far; prints nothing when the output is not a terminal (a log file, a test). Records every
 * event in a {@link RunTimeline} too, for the HTML report.
 */
final class Progress implements InletListener {

    private final PrintStream out;
    private final boolean interactive;
    private final Map<String, Long> records = new ConcurrentSkipListMap<>();
    private final RunTimeline timeline = RunTimeline.create();

    Progress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** What the runs did, for the report. */
    RunTimeline timeline() {
        return timeline;
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        timeline.retryScheduled(event);
    }

    @Override
    public void rateLimited(RateLimited event) {
        timeline.rateLimited(event);
    }

    @Override
    public void callFailed(CallFailed event) {
        timeline.callFailed(event);
    }

    @Override
    public void warning(RunWarning event) {
        timeline.warning(event);
    }

    @Override
    public void connectorDone(RunReport report) {
        timeline.connectorDone(report);
    }

    @Override
    public void pageDone(PageDone event) {
        timeline.pageDone(event);
        records.merge(event.connector(), (long) event.records() + event.rejected(), Long::sum);
        if (interactive) {
            StringBuilder line = new StringBuilder("\r  reading:");
            records.forEach((name, count) -> line.append(' ').append(name).append(' ').append(count).append(" |"));
            synchronized (out) {
                out.print(line.substring(0, line.length() - 2) + "   ");
                out.flush();
            }
        }
    }

    /** Ends the progress line. */
    void finish() {
        if (interactive) {
            synchronized (out) {
                out.println();
            }
        }
    }
}
