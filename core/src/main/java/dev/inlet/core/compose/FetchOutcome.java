package dev.inlet.core.compose;

import dev.inlet.core.RunReport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one fetch of a {@link ConcurrentFetch} ended. Immutable.
 *
 * @param name the fetch's name (usually the connector's)
 * @param report the connector run's report, when the fetch returned one
 * @param failure what it threw, if it failed
 * @param elapsed how long it ran (wall-clock time; waiting for a slot not included)
 */
public record FetchOutcome(String name, Optional<RunReport> report, Optional<Throwable> failure, Duration elapsed) {

    /** Checks that nothing is null. */
    public FetchOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the fetch returned normally. */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
