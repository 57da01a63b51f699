package dev.inlet.core.state;

import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What one checkpointed (or incremental) run did. Immutable.
 *
 * @param name the state's name (usually the connector's)
 * @param run the connector run's report: pages, records seen, valid and rejected, retries, timing
 * @param delivered records handed to the caller's consumer
 * @param duplicatesDropped records not delivered because their dedupe key was among the recent keys
 * @param alreadyDelivered records of an in-doubt page not delivered because the caller's
 *     {@code alreadyDelivered} check said it had them
 * @param resumedFrom where the run continued an unfinished one, if it did
 * @param since the lower bound the incremental run asked for, if any
 * @param state the state saved at the end of the run
 */
public record SyncReport(String name, RunReport run, long delivered, long duplicatesDropped, long alreadyDelivered,
        Optional<Position> resumedFrom, Optional<String> since, ConnectorState state) {

    /** Checks that nothing is null. */
    public SyncReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(resumedFrom, "resumedFrom");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(state, "state");
    }

    /** One readable line. */
    public String summary() {
        return name + ": delivered " + delivered + ", dropped " + duplicatesDropped + " duplicates"
                + (alreadyDelivered > 0 ? ", " + alreadyDelivered + " already delivered before a crash" : "")
                + resumedFrom.map(p -> ", resumed at " + p.describe()).orElse("")
                + since.map(s -> ", since " + s).orElse("") + " (" + run.summary() + ")";
    }
}
