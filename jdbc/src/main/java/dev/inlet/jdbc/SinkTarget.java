package dev.inlet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The check {@link JdbcSink.Builder#build()} makes of its target table: it exists with columns that fit (the
 * schema's, else at least the primary key), or it may be created — now, from a schema or record type, else from
 * the first page ({@link TableWriter}). An existing table is found as the database stores its name
 * ({@link TableColumns#read}).
 */
final class SinkTarget {

    private SinkTarget() {
    }

    /**
     * Checks the table, creating it from the schema if missing, allowed and a schema is given.
     *
     * @throws JdbcConfigurationException if the table is missing and may not be created, or its columns do not fit
     */
    static void check(Connection c, Dialect d, String table, List<String> primaryKey, TableSchema schema,
            SchemaContract contract, boolean createTable) throws SQLException {
        Optional<TableColumns> existing = TableColumns.read(c.getMetaData(), table);
        if (existing.isPresent()) {
            if (schema != null) {
                schema.check(table, existing.get(), primaryKey, contract);
            } else {
                for (String key : primaryKey) {
                    if (existing.get().get(key).isEmpty()) {
                        throw new JdbcConfigurationException("table " + table + " exists but has no column '" + key
                                + "' of the primary key " + primaryKey + ": alter the table or write to another one");
                    }
                }
            }
        } else if (!createTable) {
            throw new JdbcConfigurationException("table " + table + " does not exist: create it, or call "
                    + "createTable(true) on the JdbcSink builder to create it from the "
                    + (schema != null ? schema.source() : "records"));
        } else if (schema != null) {
            try (Statement s = c.createStatement()) {
                s.execute(schema.createTable(d, table, primaryKey));
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
