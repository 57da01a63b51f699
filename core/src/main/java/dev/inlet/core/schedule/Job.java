package dev.inlet.core.schedule;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.RunReport;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * A job whose run is a future: the scheduler starts it on its executor, holds no thread while it is
     * under way, and counts the run as ended (its hook called, its next run planned) when the future
     * completes; a future that fails marks the run as failed. For work that waits asynchronously, such as
     * {@link Connector#readAsync}.
     */
    static Job ofFuture(Supplier<? extends CompletionStage<Optional<RunReport>>> start) {
        return new FutureJob(Objects.requireNonNull(start, "start"));
    }

    /**
     * A job that reads the connector from its first page to its end, handing each record to the consumer.
     * When the connector's source opens pages asynchronously (a REST connector over {@code Transport.jdk()},
     * see {@link dev.inlet.core.PageSource#opensAsynchronously()}), it is a {@link #ofFuture future job}
     * reading with {@link Connector#readAsync}: no thread waits for its pages, on Java 17 too, and the
     * consumer is called on the thread that completed each page.
     */
    static <T> Job of(Connector<T> connector, Consumer<? super T> consumer) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(consumer, "consumer");
        if (connector.source().opensAsynchronously()) {
            return ofFuture(() -> connector.readAsync(consumer).thenApply(Optional::of));
        }
        return () -> {
            try (ConnectorRun<T> run = connector.open()) {
                run.forEachRemaining(consumer);
                return Optional.of(run.report());
            }
        };
    }
}
