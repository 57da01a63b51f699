package dev.inlet.spring;

import dev.inlet.core.schedule.ScheduledRun;
import java.time.Instant;
import java.util.Optional;

/**
 * What the scheduler knows of one connector job, for health and monitoring. Immutable.
 *
 * @param name the job's name
 * @param lastRun the most recent finished run, if any
 * @param lastSuccessAt when the most recent successful run started, if any
 * @param nextRunAt when the job is next due, if scheduled
 */
public record ConnectorHealth(String name, Optional<ScheduledRun> lastRun, Optional<Instant> lastSuccessAt,
        Optional<Instant> nextRunAt) {

    /** Whether the job has run and its last run failed. */
    public boolean failing() {
        return lastRun.map(run -> !run.succeeded()).orElse(false);
    }
}
