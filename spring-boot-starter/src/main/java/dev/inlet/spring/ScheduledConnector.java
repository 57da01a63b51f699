package dev.inlet.spring;

import dev.inlet.core.schedule.Job;
import dev.inlet.core.schedule.Schedule;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector job for the starter's scheduler: a name, the {@link Job} (usually
 * {@code Job.of(connector, sink)} or a {@code Checkpointing} run) and, optionally, its own schedule.
 * Declare one as a bean; {@code inlet.connectors.<name>.*} sets or overrides the schedule, and health
 * reports it as {@code inlet/connectors/<name>}. Immutable.
 *
 * <pre>{@code
 * @Bean
 * ScheduledConnector charges(Connector<Charge> charges, Ledger ledger) {
 *     return ScheduledConnector.of("charges", Job.of(charges, ledger::record));
 * }
 * }</pre>
 *
 * @param name the job's name: letters, digits, '-', '_' and '.'
 * @param job the work of one run
 * @param schedule the schedule used when no {@code inlet.connectors.<name>} sets one
 */
public record ScheduledConnector(String name, Job job, Optional<Schedule> schedule) {

    /**
     * Checks the name and that nothing is null.
     *
     * @throws IllegalArgumentException for a blank or odd name
     */
    public ScheduledConnector {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(schedule, "schedule");
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("ScheduledConnector: name must be letters, digits, '-', '_' or '.', got "
                    + name + "; it becomes a property key and a health path");
        }
    }

    /** A job whose schedule comes from {@code inlet.connectors.<name>}. */
    public static ScheduledConnector of(String name, Job job) {
        return new ScheduledConnector(name, job, Optional.empty());
    }

    /** A job with its own schedule, which {@code inlet.connectors.<name>} may override. */
    public static ScheduledConnector of(String name, Job job, Schedule schedule) {
        return new ScheduledConnector(name, job, Optional.of(schedule));
    }
}
