package dev.inlet.core.schedule;

import dev.inlet.core.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished run of a scheduled job, handed to the scheduler's per-run hook. Immutable.
 *
 * @param name the job's name
 * @param cause why it ran
 * @param startedAt when it started, by the scheduler's clock
 * @param duration how long it took, by the scheduler's clock
 * @param report the connector run's report, if the job returned one
 * @param failure what the job threw, if it failed
 * @param consecutiveFailures failed runs in a row, this one included (0 after a success)
 * @param nextRunAt when the job is next due (after jitter and any backoff)
 */
public record ScheduledRun(String name, RunCause cause, Instant startedAt, Duration duration,
        Optional<RunReport> report, Optional<Throwable> failure, int consecutiveFailures, Instant nextRunAt) {

    /** Checks that nothing is null. */
    public ScheduledRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
    }

    /** Whether the job returned normally. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** Records delivered (valid), from the report; 0 without one. */
    public long records() {
        return report.map(RunReport::valid).orElse(0L);
    }

    /** Records rejected by validation, from the report; 0 without one. */
    public long rejected() {
        return report.map(RunReport::rejected).orElse(0L);
    }

    /** One readable line. */
    public String summary() {
        return name + " (" + cause + "): " + (succeeded() ? "ok" : "FAILED " + failure.get()) + ", " + records()
                + " records, " + rejected() + " rejected, " + duration.toMillis() + " ms; next at " + nextRunAt;
    }
}
