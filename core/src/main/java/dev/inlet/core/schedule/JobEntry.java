package dev.inlet.core.schedule;

import dev.inlet.core.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** A scheduled job's mutable bookkeeping; every field is guarded by the scheduler's lock. */
final class JobEntry {

    final String name;
    final Schedule schedule;
    final Job job;
    /** The nominal (unjittered) time of the next scheduled run. */
    Instant nominal;
    /** When the next run is due: nominal + jitter, or later after failures. */
    Instant dueAt;
    boolean running;
    boolean followUp;
    boolean removed;
    int failures;
    ScheduledRun lastRun;

    JobEntry(String name, Schedule schedule, Job job) {
        this.name = name;
        this.schedule = schedule;
        this.job = job;
    }

    /** Records a run's outcome: failure count, backoff, last run. Called under the scheduler's lock. */
    /** Plans the first run: the schedule's first time after now, plus jitter. */
    void planFrom(Instant now, Random random) {
        nominal = schedule.next(now);
        dueAt = jittered(random);
    }

    /** Plans the run after a due time was reached; the times missed meanwhile collapse into this one trigger. */
    void planAfterDue(Instant now, Random random) {
        Instant next = schedule.next(nominal);
        nominal = next.isAfter(now) ? next : schedule.next(now);
        dueAt = jittered(random);
    }

    /** A trigger: starts a run (true), or, while one runs, asks for one follow-up after it (false). */
    boolean trigger() {
        if (running) {
            followUp = true;
            return false;
        }
        running = true;
        return true;
    }

    private Instant jittered(Random random) {
        long max = schedule.jitter().toMillis();
        return max <= 0 ? nominal : nominal.plusMillis((long) (random.nextDouble() * max));
    }

    ScheduledRun finished(RunCause cause, Instant start, Instant end, Optional<RunReport> report, Throwable failure,
            Duration initialBackoff, Duration maxBackoff) {
        if (failure == null) {
            failures = 0;
        } else {
            failures++;
            Instant backoffUntil = end.plus(SchedulerSupport.backoff(initialBackoff, maxBackoff, failures));
            if (backoffUntil.isAfter(dueAt)) {
                dueAt = backoffUntil;
            }
            // The backoff replaces any follow-up: a failing source is not asked again at once.
            followUp = false;
        }
        Duration took = Duration.between(start, end);
        lastRun = new ScheduledRun(name, cause, start, took.isNegative() ? Duration.ZERO : took, report,
                Optional.ofNullable(failure), failures, dueAt);
        return lastRun;
    }

    JobStatus status() {
        return new JobStatus(name, schedule, running, followUp, failures, dueAt, Optional.ofNullable(lastRun));
    }
}
