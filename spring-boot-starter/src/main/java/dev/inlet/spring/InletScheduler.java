package dev.inlet.spring;

import dev.inlet.core.error.InletException;
import dev.inlet.core.schedule.JobStatus;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.ScheduledRun;
import dev.inlet.core.schedule.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The core {@link Scheduler} as a Spring-managed lifecycle: it is built and its connector jobs are
 * scheduled when the application context starts, and it is closed (running jobs finish, up to the
 * close timeout) when the context stops. It remembers each job's last run and last success for
 * health. Thread-safe.
 */
public final class InletScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InletScheduler.class);

    private final InletProperties.Scheduler settings;
    private final Map<String, InletProperties.ConnectorSchedule> schedules;
    private final Map<String, ScheduledConnector> connectors;
    private final Clock clock;
    private final Map<String, ScheduledRun> lastRuns = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccesses = new ConcurrentHashMap<>();
    private volatile Scheduler scheduler;

    InletScheduler(InletProperties properties, List<ScheduledConnector> beans, List<ConnectorSource> sources, Clock clock) {
        this.settings = properties.scheduler();
        this.schedules = properties.connectors();
        this.connectors = collect(beans, sources);
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        Scheduler built = Scheduler.builder()
                .clock(clock)
                .backoff(settings.initialBackoff(), settings.maxBackoff())
                .closeTimeout(settings.closeTimeout())
                .onRunDone(this::record)
                .build();
        try {
            connectors.forEach((name, connector) -> schedule(built, connector));
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        scheduler = built;
        LOG.info("Inlet scheduler started with {}", connectors.keySet());
    }

    private Map<String, ScheduledConnector> collect(List<ScheduledConnector> beans, List<ConnectorSource> sources) {
        List<ScheduledConnector> everything = new ArrayList<>(beans);
        sources.forEach(source -> everything.addAll(source.connectors()));
        Map<String, ScheduledConnector> byName = new LinkedHashMap<>();
        for (ScheduledConnector connector : everything) {
            if (byName.putIfAbsent(connector.name(), connector) != null) {
                throw new InletException("Two scheduled connectors are named '" + connector.name() + "'",
                        "give each ScheduledConnector (and each ConnectorSource's) its own name", null);
            }
        }
        schedules.keySet().stream().filter(name -> !byName.containsKey(name)).forEach(name ->
                LOG.warn("inlet.connectors.{} is configured but no ScheduledConnector is named '{}'", name, name));
        return byName;
    }

    private void schedule(Scheduler target, ScheduledConnector connector) {
        String name = connector.name();
        InletProperties.ConnectorSchedule configured = schedules.get(name);
        if (configured != null && !configured.enabled()) {
            LOG.info("Connector {} is disabled by inlet.connectors.{}.enabled", name, name);
            return;
        }
        Schedule schedule = configured == null ? null : fromProperties(name, configured);
        if (schedule == null) {
            schedule = connector.schedule().orElseThrow(() -> new InletException(
                    "Connector '" + name + "' has no schedule",
                    "set inlet.connectors." + name + ".every (e.g. 15m) or .daily-at (e.g. 02:00), "
                            + "or build it with ScheduledConnector.of(name, job, schedule)", null));
        }
        target.schedule(name, schedule, connector.job());
    }

    private static Schedule fromProperties(String name, InletProperties.ConnectorSchedule p) {
        if (p.every() != null && p.dailyAt() != null) {
            throw new InletException("inlet.connectors." + name + " sets both every and daily-at",
                    "keep one of them", null);
        }
        Schedule schedule = p.every() != null ? Schedule.fixedRate(p.every())
                : p.dailyAt() != null ? Schedule.daily(p.dailyAt(), p.zone()) : null;
        if (schedule != null && p.jitterIfAny().isPresent()) {
            schedule = schedule.withJitter(p.jitterIfAny().get());
        }
        return schedule;
    }

    private void record(ScheduledRun run) {
        lastRuns.put(run.name(), run);
        if (run.succeeded()) {
            lastSuccesses.put(run.name(), run.startedAt());
        }
    }

    @Override
    public synchronized void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.close();
            LOG.info("Inlet scheduler stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Runs the named connector now (or right after its current run), as for a webhook saying its data
     * changed.
     *
     * @return false if no such connector is scheduled or the scheduler is not running
     */
    public boolean runNow(String name) {
        Scheduler running = scheduler;
        return running != null && running.runNow(name);
    }

    /** The core scheduler while running, for anything not wrapped here. */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** The status of the named job, while running. */
    public Optional<JobStatus> status(String name) {
        Scheduler running = scheduler;
        return running == null ? Optional.empty() : running.status(name);
    }

    /** The names of the connector jobs collected at start. */
    public List<String> connectorNames() {
        return List.copyOf(connectors.keySet());
    }

    /** What is known of the named connector's runs (empty values before its first run). */
    public ConnectorHealth health(String name) {
        return new ConnectorHealth(name, Optional.ofNullable(lastRuns.get(name)),
                Optional.ofNullable(lastSuccesses.get(name)), status(name).map(JobStatus::nextRunAt));
    }

    @Override
    public String toString() {
        return "InletScheduler[" + connectors.keySet() + (isRunning() ? ", running]" : ", stopped]");
    }
}
