package dev.inlet.core.compose;

import java.util.List;
import java.util.Optional;

/**
 * The outcomes of a {@link ConcurrentFetch} run, in the order the fetches were added. Immutable.
 *
 * @param outcomes one per fetch
 */
public record FetchReport(List<FetchOutcome> outcomes) {

    /** Copies the list. */
    public FetchReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcome of the fetch with this name, if there is one. */
    public Optional<FetchOutcome> outcome(String name) {
        return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The fetches that failed. */
    public List<FetchOutcome> failed() {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }

    /** Whether every fetch succeeded. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(FetchOutcome::succeeded);
    }
}
