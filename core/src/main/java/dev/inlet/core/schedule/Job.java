package dev.inlet.core.schedule;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.RunReport;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The work a {@link Scheduler} runs under a name: usually one run of a connector (or of a
 * {@code Checkpointing} or {@code IncrementalSync}), returning its {@link RunReport} so the
 * scheduler's per-run hook can count records and rejections. Throwing marks the run as failed.
 *
 * <pre>{@code
 * scheduler.schedule("charges", Schedule.fixedRate(Duration.ofMinutes(15)),
 *         () -> Optional.of(sync.run(warehouse::upsert).run()));
 * }</pre>
 */
@FunctionalInterface
public interface Job {

    /**
     * Does the work once.
     *
     * @return the report of the connector run, if the work was one
     * @throws Exception if the work failed; the scheduler backs off before the next run
     */
    Optional<RunReport> run() throws Exception;

    /** A job that runs a task and reports no records. */
    static Job of(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            task.run();
            return Optional.empty();
        };
    }

    /** A job that reads the connector from its first page to its end, handing each record to the consumer. */
    static <T> Job of(Connector<T> connector, Consumer<? super T> consumer) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(consumer, "consumer");
        return () -> {
            try (ConnectorRun<T> run = connector.open()) {
                run.forEachRemaining(consumer);
                return Optional.of(run.report());
            }
        };
    }
}
