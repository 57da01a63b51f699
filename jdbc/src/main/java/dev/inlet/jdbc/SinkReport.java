package dev.inlet.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.inlet.core.Position;

/**
 * What one {@link JdbcSink} run wrote, so far (given after each committed page) or in total.
 *
 * @param name the state name (the connector's name)
 * @param resumedFrom the saved position the run resumed from, if it did not start at the beginning
 * @param pages pages committed by this run
 * @param rows rows upserted by this run (after dropping repeats of a key within a page)
 * @param columnsAdded columns added by {@link SchemaContract#EVOLVE}
 * @param discardedFields field values dropped by {@link SchemaContract#DISCARD}
 * @param completed whether the source was read to its end
 */
public record SinkReport(String name, Optional<Position> resumedFrom, int pages, long rows, List<String> columnsAdded,
        long discardedFields, boolean completed) {

    /** Copies the list; checks that nothing is null. */
    public SinkReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resumedFrom, "resumedFrom");
        columnsAdded = List.copyOf(columnsAdded);
    }
}
