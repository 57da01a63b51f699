package dev.inlet.core.schedule;

import dev.inlet.core.RunReport;
import dev.inlet.core.internal.Futures;
import dev.inlet.core.internal.WaitingThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs named jobs — usually connector syncs — periodically, on an executor.
 *
 * <ul>
 *   <li><b>When</b>: each job has a {@link Schedule} (fixed rate, daily, hourly) with optional jitter;
 *       {@link #runNow(String)} runs a job at once (e.g. when a webhook says its data changed).</li>
 *   <li><b>Never overlapping</b>: a job never runs twice at once. A trigger (due time or
 *       {@code runNow}) during a run is remembered, and however many came, one follow-up run starts
 *       when the current run ends.</li>
 *   <li><b>Backoff</b>: after a failed run the next one is delayed to at least
 *       {@code initial × 2^(failures−1)} (capped) after the failure, or the next scheduled time if that
 *       is later; a follow-up queued during a failed run is dropped in favour of the backoff. A
 *       success resets the count.</li>
 *   <li><b>Hook</b>: every finished run is handed to {@link Builder#onRunDone(Consumer)} as a
 *       {@link ScheduledRun}: records, rejections, duration, failure, next due time.</li>
 *   <li><b>Missed times</b>: if the scheduler falls behind (a long run, a suspended machine), the
 *       missed times make one run, not a burst.</li>
 * </ul>
 *
 * <p>By default a daemon thread waits for the next due time by the {@link Builder#clock(Clock) clock}.
 * With {@link Builder#manual()} there is no thread: the host (or a test with a fake clock) calls
 * {@link #tick()}, and nothing ever waits in real time. Jobs run on the {@link Builder#executor
 * executor} the host provides, or on threads the scheduler owns: a virtual thread per run on Java 21+
 * (detected at run time), so thousands of jobs waiting on HTTP hold no platform thread each; on Java 17
 * a cached pool of daemon platform threads, one per running job. A job whose run is a future
 * ({@link Job#ofFuture}; {@link Job#of(dev.inlet.core.Connector, Consumer)} for a connector over
 * {@code Transport.jdk()}) is only started there and holds no thread while it runs, on Java 17 too.
 *
 * <p>{@link #close()} stops triggering, lets running jobs finish (up to a timeout) and shuts down
 * the pool it owns. Thread-safe.
 *
 * <pre>{@code
 * try (Scheduler scheduler = Scheduler.builder().onRunDone(run -> log.info(run.summary())).build()) {
 *     scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(15)).withJitter(Duration.ofSeconds(30)),
 *             () -> Optional.of(charges.run(warehouse::upsert).run()));
 *     scheduler.schedule("contacts", Schedule.daily(LocalTime.of(2, 0), ZoneId.of("Europe/Paris")),
 *             () -> Optional.of(contacts.run(crm::upsert).run()));
 *     WebhookHandler refresh = event -> scheduler.runNow("charges");   // webhook-triggered refresh
 *     ...
 * }
 * }</pre>
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Clock clock;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Random random;
    private final Consumer<ScheduledRun> onRunDone;
    private final Duration closeTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, JobEntry> jobs = new TreeMap<>();
    private final Thread timer;
    private boolean closed;

    private Scheduler(Builder b) {
        this.clock = b.clock;
        // Jobs mostly wait on HTTP: a virtual thread each on Java 21+, else a platform thread each.
        this.ownedExecutor = b.executor == null ? WaitingThreads.virtualPerTask("inlet-job")
                .orElseGet(() -> Executors.newCachedThreadPool(SchedulerSupport.daemonThreads("inlet-job"))) : null;
        this.executor = b.executor == null ? ownedExecutor : b.executor;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.random = b.random;
        this.onRunDone = b.onRunDone;
        this.closeTimeout = b.closeTimeout;
        this.timer = b.manual ? null : SchedulerSupport.daemonThreads("inlet-scheduler").newThread(new TimerThread(this));
        if (timer != null) {
            timer.start();
        }
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Schedules a job under a unique name; its first run is the schedule's first time after now.
     *
     * @throws IllegalArgumentException if a job with this name is already scheduled
     * @throws IllegalStateException if the scheduler is closed
     */
    public void schedule(String name, Schedule schedule, Job job) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scheduled job needs a non-blank name");
        }
        JobEntry entry = new JobEntry(name, Objects.requireNonNull(schedule, "schedule"),
                Objects.requireNonNull(job, "job"));
        lock.lock();
        try {
            requireOpen();
            if (jobs.containsKey(name)) {
                throw new IllegalArgumentException("a job named '" + name + "' is already scheduled; unschedule it "
                        + "first or pick another name");
            }
            entry.planFrom(clock.instant(), random);
            jobs.put(name, entry);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Schedules a task that reports no records; see {@link #schedule(String, Schedule, Job)}. */
    public void schedule(String name, Schedule schedule, Runnable task) {
        schedule(name, schedule, Job.of(task));
    }

    /** Removes a job; a run in progress finishes, and no follow-up starts. False if there was no such job. */
    public boolean unschedule(String name) {
        return locked(() -> {
            JobEntry entry = jobs.remove(name);
            if (entry != null) {
                entry.removed = true;
                changed.signalAll();
            }
            return entry != null;
        });
    }

    /**
     * Runs the job now (on the executor), regardless of its schedule and backoff; its scheduled times
     * are unchanged.
     *
     * @return true if a run started; false if one is in progress, in which case one follow-up run
     *     will start when it ends
     * @throws IllegalArgumentException if no job has this name
     * @throws IllegalStateException if the scheduler is closed
     */
    public boolean runNow(String name) {
        JobEntry entry;
        lock.lock();
        try {
            requireOpen();
            entry = jobs.get(name);
            if (entry == null) {
                throw new IllegalArgumentException("no job named '" + name + "' is scheduled; scheduled jobs: "
                        + jobs.keySet());
            }
            if (!entry.trigger()) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        submit(entry, RunCause.REQUESTED);
        return true;
    }

    /**
     * Starts every job that is due by the clock (or marks a follow-up for one that is running). The
     * timer thread calls this; with {@link Builder#manual()} the host or a test does.
     *
     * @return how many runs started
     */
    public int tick() {
        List<JobEntry> starting = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            Instant now = clock.instant();
            for (JobEntry entry : jobs.values()) {
                if (entry.dueAt.isAfter(now)) {
                    continue;
                }
                entry.planAfterDue(now, random);
                if (entry.trigger()) {
                    starting.add(entry);
                }
            }
        } finally {
            lock.unlock();
        }
        starting.forEach(entry -> submit(entry, RunCause.SCHEDULED));
        return starting.size();
    }

    /** When the next job is due, if any is scheduled. */
    public Optional<Instant> nextDue() {
        return locked(() -> jobs.values().stream().map(e -> e.dueAt).min(Instant::compareTo));
    }

    /** A snapshot of the job, if one has this name. */
    public Optional<JobStatus> status(String name) {
        return locked(() -> Optional.ofNullable(jobs.get(name)).map(JobEntry::status));
    }

    /**
     * Stops triggering runs, waits up to the close timeout for running jobs to finish, and shuts down
     * the executor if the scheduler created it (interrupting jobs still running after the timeout). A
     * host-provided executor is left running. Safe to call twice.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            while (jobs.values().stream().anyMatch(e -> e.running)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Closing the scheduler while jobs still run after {}: {}", closeTimeout,
                            jobs.values().stream().filter(e -> e.running).map(e -> e.name).toList());
                    break;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        if (timer != null) {
            timer.interrupt();
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private void submit(JobEntry entry, RunCause cause) {
        try {
            executor.execute(() -> execute(entry, cause));
        } catch (RejectedExecutionException e) {
            LOG.warn("The executor refused a run of job '{}'; it is skipped", entry.name, e);
            locked(() -> {
                entry.running = false;
                entry.followUp = false;
                changed.signalAll();
                return null;
            });
        }
    }

    private void execute(JobEntry entry, RunCause cause) {
        Instant start = clock.instant();
        if (entry.job instanceof FutureJob future) {
            // No thread waits for the run: it ends when its future completes, on the thread that completes it.
            future.start().whenComplete((report, failure) -> finish(entry, cause, start,
                    report == null ? Optional.empty() : report, failure == null ? null : Futures.cause(failure)));
            return;
        }
        Optional<RunReport> report = Optional.empty();
        Throwable failure = null;
        try {
            report = Objects.requireNonNullElse(entry.job.run(), Optional.empty());
        } catch (Exception | Error e) {
            failure = e;
        }
        finish(entry, cause, start, report, failure);
        if (failure instanceof Error error) {
            throw error;
        }
    }

    /** Ends a run: records it, calls the hook, and starts the follow-up a request asked for meanwhile. */
    private void finish(JobEntry entry, RunCause cause, Instant start, Optional<RunReport> outcome, Throwable failed) {
        Instant end = clock.instant();
        ScheduledRun run = locked(() -> entry.finished(cause, start, end, outcome, failed, initialBackoff, maxBackoff));
        if (failed != null) {
            LOG.warn("Scheduled job '{}' failed ({} in a row); next run at {}", entry.name, run.consecutiveFailures(),
                    run.nextRunAt(), failed);
        }
        try {
            onRunDone.accept(run);
        } catch (RuntimeException e) {
            LOG.warn("The onRunDone hook failed for job '{}'; scheduling goes on", entry.name, e);
        }
        // The run ends after its hook, so close() returns only once hooks have seen every run.
        boolean again = locked(() -> {
            entry.running = entry.followUp && !closed && !entry.removed;
            entry.followUp = false;
            changed.signalAll();
            return entry.running;
        });
        if (again) {
            submit(entry, RunCause.FOLLOW_UP);
        }
    }

    private <R> R locked(Supplier<R> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
    }

    /** Nanoseconds until the instant, saturated: a job due centuries ahead must not overflow the timer. */
    private long nanosUntil(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        return left.getSeconds() > TimeUnit.DAYS.toSeconds(365) ? Long.MAX_VALUE : left.toNanos();
    }

    /** For the timer thread: waits until the earliest due time (or a change), then ticks; false once closed. */
    boolean awaitDue() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                Optional<Instant> due = jobs.values().stream().map(e -> e.dueAt).min(Instant::compareTo);
                long wait = due.map(d -> nanosUntil(d)).orElse(Long.MAX_VALUE);
                if (wait <= 0) {
                    return true;
                }
                // Re-read the clock at least every minute, in case it jumped.
                changed.awaitNanos(Math.min(wait, TimeUnit.MINUTES.toNanos(1)));
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Builds a {@link Scheduler}. Not thread-safe; the scheduler is.
     *
     * <p>Defaults: the system UTC clock; a timer thread (not manual); jobs on threads the scheduler
     * owns (a virtual thread per run on Java 21+, else a cached pool of daemon threads); backoff from 1 minute doubling to 1 hour; an unseeded random for
     * jitter; no hook; close waits up to 30 seconds for running jobs.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Executor executor;
        private boolean manual;
        private Duration initialBackoff = Duration.ofMinutes(1);
        private Duration maxBackoff = Duration.ofHours(1);
        private Random random = new Random();
        private Consumer<ScheduledRun> onRunDone = run -> { };
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The clock that decides when jobs are due and times runs. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where jobs run; the host owns it (the scheduler never shuts it down). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** No timer thread: due jobs start only when {@link Scheduler#tick()} is called. */
        public Builder manual() {
            this.manual = true;
            return this;
        }

        /** Backoff after failures: {@code initial} doubling up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The random source for jitter (seed it for reproducible tests). */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Called after every run, on the thread that ran it; its failures are logged and ignored. */
        public Builder onRunDone(Consumer<ScheduledRun> hook) {
            this.onRunDone = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** How long {@link Scheduler#close()} waits for running jobs. */
        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** The scheduler, started (its timer thread runs unless {@link #manual()}). */
        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
