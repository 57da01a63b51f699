package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A database's fast path for one page of {@link JdbcSink}: the rows go into a staging table by the driver's
 * bulk API, then one {@code INSERT ... SELECT ... ON CONFLICT} upserts them, inside the page's transaction.
 * Values are converted by {@link ValueBinder#convert}, so a bulk path refuses exactly what batched inserts
 * refuse.
 */
interface BulkUpsert {

    /**
     * Upserts the records (one per key) into the table; returns how many rows were written. {@code onlyChange}:
     * nothing else has changed in the connection's transaction, so rolling it back undoes only this write.
     */
    int upsert(Connection c, Dialect dialect, String table, List<Column> columns, List<String> keys,
            Collection<JsonNode> records, String where, boolean onlyChange) throws SQLException;

    /**
     * The bulk path of this connection's driver, if the dialect has one and the driver offers it, for a run that
     * resumes an interrupted one or not.
     */
    static Optional<BulkUpsert> of(Dialect dialect, Connection c, boolean resumed) {
        return switch (dialect) {
            case POSTGRESQL -> PostgresCopy.of(c, resumed).map(copy -> copy);
            case DUCKDB -> DuckDbAppend.of(c).map(append -> append);
            default -> Optional.empty();
        };
    }

    /**
     * Moves the staged rows into the table: one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} (or
     * {@code DO NOTHING} when every column is a key), then drops the staging table.
     */
    static void upsertFromStage(Connection c, Dialect dialect, String table, String stage, List<Column> columns,
            List<String> keys) throws SQLException {
        String cols = columnList(dialect, columns);
        List<String> others = columns.stream().map(Column::name).filter(n -> !keys.contains(n)).toList();
        String upsert = "INSERT INTO " + dialect.quote(table) + " (" + cols + ") SELECT " + cols + " FROM " + stage
                + " ON CONFLICT (" + keys.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") DO "
                + (others.isEmpty() ? "NOTHING" : "UPDATE SET " + others.stream()
                        .map(n -> dialect.quote(n) + " = EXCLUDED." + dialect.quote(n))
                        .collect(Collectors.joining(", ")));
        try (Statement s = c.createStatement()) {
            s.executeUpdate(upsert);
            s.execute("DROP TABLE " + stage);
        }
    }

    /** The columns' quoted names, comma-separated. */
    static String columnList(Dialect dialect, List<Column> columns) {
        return columns.stream().map(col -> dialect.quote(col.name())).collect(Collectors.joining(", "));
    }

    /**
     * The driver's class of this name as the connection's own class loader, the thread's or Inlet's sees it,
     * if the connection is (or wraps) an instance of it.
     */
    static Optional<Class<?>> driverClass(Connection c, String name) throws SQLException {
        for (ClassLoader loader : new ClassLoader[] {c.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), BulkUpsert.class.getClassLoader()}) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                return c.isWrapperFor(type) ? Optional.of(type) : Optional.empty();
            } catch (ClassNotFoundException notHere) {
                // not visible from this class loader: try the next
            }
        }
        return Optional.empty();
    }
}
