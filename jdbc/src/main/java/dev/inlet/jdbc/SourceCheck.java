package dev.inlet.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What {@link SqlSource.Builder#build()} checks against the database before a source exists: one of table or
 * query, no ORDER BY or LIMIT of its own, order columns that exist and are not nullable, and (for a table) a key
 * that is its single-column primary key. Returns the query and the order columns as the database spells them
 * ({@link StoredNames}), so the quoted names of every page query match a table created without quotes.
 */
final class SourceCheck {

    /** The checked query and the order columns as the database spells them. */
    record Checked(String query, String cursor, String key) {
    }

    private final String table;
    private final String cursorColumn;
    private final String keyColumn;
    private String storedTable;

    private SourceCheck(String table, String cursorColumn, String keyColumn) {
        this.table = table;
        this.cursorColumn = cursorColumn;
        this.keyColumn = keyColumn;
    }

    /**
     * Checks the table or query on this connection.
     *
     * @throws JdbcConfigurationException if the order is not stable, a column is missing or nullable, or the query
     *         has its own ORDER BY or LIMIT
     */
    static Checked check(Connection connection, Dialect d, String table, String query, String cursorColumn,
            String keyColumn) throws SQLException {
        if ((table == null) == (query == null)) {
            throw new JdbcConfigurationException("a SqlSource needs exactly one of table(...) or query(...)");
        }
        if (cursorColumn == null) {
            throw new JdbcConfigurationException("a SqlSource needs a stable order: call orderBy(cursorColumn, "
                    + "uniqueKeyColumn), e.g. orderBy(\"updated_at\", \"id\"); without a unique last column, "
                    + "rows with equal values could be skipped or repeated between pages");
        }
        d.quote(cursorColumn);
        d.quote(keyColumn);
        SourceCheck check = new SourceCheck(table, cursorColumn, keyColumn);
        String sql;
        if (table != null) {
            d.quote(table); // refuses a name that would need escaping before it reaches the metadata
            check.storedTable = StoredNames.table(connection.getMetaData(), table);
            sql = "SELECT * FROM " + d.quote(check.storedTable);
        } else {
            String lower = query.toLowerCase(Locale.ROOT);
            if (lower.matches("(?s).*\\border\\s+by\\b.*") || lower.matches("(?s).*\\blimit\\s+\\d+\\s*$")) {
                throw new JdbcConfigurationException("the query of a SqlSource must not have its own ORDER BY "
                        + "or LIMIT (the source pages by " + cursorColumn + ", " + keyColumn + "): remove them from: "
                        + query);
            }
            sql = query;
        }
        return check.probe(connection, d, sql);
    }

    private Checked probe(Connection connection, Dialect d, String query) throws SQLException {
        String cursor;
        String key;
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM (" + query + ") q WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            // DuckDB reports every query column as nullable: there a NULL is caught when read (SqlPage)
            boolean trustNullability = d != Dialect.DUCKDB;
            cursor = column(meta, cursorColumn, "cursor", trustNullability);
            key = column(meta, keyColumn, "key", trustNullability);
        }
        if (table != null) {
            checkTableColumns(connection.getMetaData());
        }
        return new Checked(query, cursor, key);
    }

    private String column(ResultSetMetaData meta, String column, String role, boolean trustNullability)
            throws SQLException {
        String label = StoredNames.column(meta, column).orElseThrow(() -> new JdbcConfigurationException("the "
                + role + " column '" + column + "' is not among the columns of " + (table != null ? "table " + table
                : "the query") + ": select it or fix orderBy(...)"));
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(label) && table == null && trustNullability
                    && meta.isNullable(i) == ResultSetMetaData.columnNullable) {
                throw nullable(column, role);
            }
        }
        return label;
    }

    private void checkTableColumns(DatabaseMetaData meta) throws SQLException {
        try (ResultSet cols = meta.getColumns(null, null, storedTable, null)) {
            while (cols.next()) {
                String name = cols.getString("COLUMN_NAME");
                boolean cursor = name.equalsIgnoreCase(cursorColumn);
                if ((cursor || name.equalsIgnoreCase(keyColumn)) && "YES".equals(cols.getString("IS_NULLABLE"))) {
                    throw nullable(name, cursor ? "cursor" : "key");
                }
            }
        }
        boolean unique = false;
        try (ResultSet keys = meta.getPrimaryKeys(null, null, storedTable)) {
            int count = 0;
            while (keys.next()) {
                count++;
                unique = keys.getString("COLUMN_NAME").equalsIgnoreCase(keyColumn);
            }
            unique = unique && count == 1;
        }
        if (!unique) {
            throw new JdbcConfigurationException("the key column '" + keyColumn + "' is not the primary key of table "
                    + table + ": rows with equal (" + cursorColumn + ", " + keyColumn + ") would be skipped at a "
                    + "page boundary; order by the table's single-column primary key, or declare it PRIMARY KEY");
        }
    }

    private JdbcConfigurationException nullable(String column, String role) {
        return new JdbcConfigurationException("the " + role + " column '" + column + "' of "
                + (table != null ? "table " + table : "the query") + " is nullable: rows with NULL would never be "
                + "read (NULL compares as unknown); declare it NOT NULL or select COALESCE(" + column
                + ", <a default>) AS " + column + " in the query");
    }
}
