package dev.inlet.report;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import dev.inlet.core.RunWarning;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A listener that records what runs do, with the time each event arrived, for the report's timeline:
 * pages, quarantined records, retries, rate-limit waits, failed calls, warnings and finished runs.
 * Register it on connectors (alone or with {@link InletListener#all}), then give it to
 * {@link HtmlReport.Builder#timeline}.
 *
 * <p>Thread-safe (connectors read concurrently). It keeps at most {@link Builder#capacity} events
 * (default {@value #DEFAULT_CAPACITY}) so a long-lived one cannot grow without bound; later events are
 * counted in {@link #dropped()} and the report says so. Requests and responses are not recorded (one
 * per attempt is too many to draw); pages, retries and waits tell their story.
 */
public final class RunTimeline implements InletListener {

    /** How many events a timeline keeps by default. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Clock clock;
    private final int capacity;
    private final List<TimelineEvent> events = new ArrayList<>();
    private final List<RunReport> reports = new ArrayList<>();
    private long dropped;

    private RunTimeline(Builder builder) {
        this.clock = builder.clock;
        this.capacity = builder.capacity;
    }

    /** A timeline on the system clock with the default capacity. */
    public static RunTimeline create() {
        return builder().build();
    }

    /** A builder: defaults {@code Clock.systemUTC()} and {@value #DEFAULT_CAPACITY} events. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void pageDone(PageDone event) {
        record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.PAGE, event.records(),
                event.elapsed(), event.position().describe()));
        if (event.rejected() > 0) {
            record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.QUARANTINE,
                    event.rejected(), Duration.ZERO, event.position().describe()));
        }
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
        record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.RETRY, event.failedAttempt(),
                event.delay(), event.reason()));
    }

    @Override
    public void rateLimited(RateLimited event) {
        record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.RATE_LIMIT, 0, event.delay(),
                event.reason() + " (" + event.key() + ")"));
    }

    @Override
    public void callFailed(CallFailed event) {
        record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.CALL_FAILED, event.attempts(),
                Duration.ZERO, event.method() + " " + event.url() + ": " + event.message()));
    }

    @Override
    public void warning(RunWarning event) {
        record(new TimelineEvent(clock.instant(), event.connector(), TimelineEvent.Kind.WARNING, 0, Duration.ZERO,
                event.kind() + ": " + event.message()));
    }

    @Override
    public void connectorDone(RunReport report) {
        record(new TimelineEvent(clock.instant(), report.connector(), TimelineEvent.Kind.RUN_DONE,
                report.recordsSeen(), report.elapsed(), report.completed() ? "completed"
                        : report.failure().map(f -> "failed: " + f).orElse("stopped early")));
        synchronized (this) {
            reports.add(report);
        }
    }

    /** The events recorded so far, in the order they arrived. */
    public synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }

    /** The reports of the runs that ended so far, in the order they ended. */
    public synchronized List<RunReport> reports() {
        return List.copyOf(reports);
    }

    /** How many events arrived after the timeline was full and were not kept. */
    public synchronized long dropped() {
        return dropped;
    }

    private synchronized void record(TimelineEvent event) {
        if (events.size() < capacity) {
            events.add(event);
        } else {
            dropped++;
        }
    }

    @Override
    public String toString() {
        return "RunTimeline[" + events().size() + " events, " + dropped() + " dropped]";
    }

    /** Builds a {@link RunTimeline}. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private int capacity = DEFAULT_CAPACITY;

        private Builder() {
        }

        /** The clock that stamps events (default {@code Clock.systemUTC()}; a fake one in tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many events to keep (default {@value RunTimeline#DEFAULT_CAPACITY}); later ones are counted, not kept. */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** The timeline. */
        public RunTimeline build() {
            return new RunTimeline(this);
        }
    }
}
