package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A database's fast path for one page of {@link JdbcSink}: the rows go into a staging table by the driver's
 * bulk API, then one {@code INSERT ... SELECT ... ON CONFLICT} upserts them, inside the page's transaction.
 * Values are converted by {@link ValueBinder#convert}, so a bulk path refuses exactly what batched inserts
 * refuse.
 */
interface BulkUpsert {

    /** Upserts the records (one per key) into the table; returns how many rows were written. */
    int upsert(Connection c, Dialect dialect, String table, List<Column> columns, List<String> keys,
            Collection<JsonNode> records, String where) throws SQLException;

    /** The bulk path of this connection's driver, if the dialect has one and the driver offers it. */
    static Optional<BulkUpsert> of(Dialect dialect, Connection c) {
        return switch (dialect) {
            case POSTGRESQL -> PostgresCopy.of(c).map(copy -> copy);
            case DUCKDB -> DuckDbAppend.of(c).map(append -> append);
            default -> Optional.empty();
        };
    }
}
