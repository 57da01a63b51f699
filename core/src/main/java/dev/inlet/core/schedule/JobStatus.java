package dev.inlet.core.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a scheduled job. Immutable.
 *
 * @param name the job's name
 * @param schedule its schedule
 * @param running whether a run is in progress
 * @param followUpQueued whether a follow-up run will start when the current one ends
 * @param consecutiveFailures failed runs in a row (0 after a success)
 * @param nextRunAt when it is next due (after jitter and any backoff)
 * @param lastRun the most recent finished run, if any
 */
public record JobStatus(String name, Schedule schedule, boolean running, boolean followUpQueued,
        int consecutiveFailures, Instant nextRunAt, Optional<ScheduledRun> lastRun) {

    /** Checks that nothing is null. */
    public JobStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextRunAt, "nextRunAt");
        Objects.requireNonNull(lastRun, "lastRun");
    }
}
