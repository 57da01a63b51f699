package dev.inlet.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The spelling the database stores a name under, for names given by the user. The SQL of this module quotes
 * every identifier ({@link Dialect#quote(String)}), and a quoted name matches only that exact spelling; but a
 * table created unquoted is stored folded: upper case on H2 (and Snowflake, Oracle, DB2), lower case on
 * PostgreSQL. So a name is looked up as given, then as the database folds it, and used as found.
 */
final class StoredNames {

    private StoredNames() {
    }

    /**
     * The table as stored: the given spelling if such a table exists, else its folded spelling if that one exists,
     * else the given spelling (a table still to be created, or none: the query then says it is missing).
     */
    static String table(DatabaseMetaData meta, String table) throws SQLException {
        if (exists(meta, table)) {
            return table;
        }
        for (String folded : folded(meta, table)) {
            if (!folded.equals(table) && exists(meta, folded)) {
                return folded;
            }
        }
        return table;
    }

    private static String[] folded(DatabaseMetaData meta, String name) throws SQLException {
        String upper = name.toUpperCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        if (meta.storesUpperCaseIdentifiers()) {
            return new String[] {upper};
        }
        if (meta.storesLowerCaseIdentifiers()) {
            return new String[] {lower};
        }
        return new String[] {lower, upper}; // mixed-case storage (e.g. DuckDB, SQLite): compared ignoring case anyway
    }

    private static boolean exists(DatabaseMetaData meta, String table) throws SQLException {
        // the name is a LIKE pattern, where '_' matches any character: compare what comes back exactly
        try (ResultSet rs = meta.getTables(null, null, table, null)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The label of the result's column with this name: the exact spelling if present, else one equal ignoring case. */
    static Optional<String> column(ResultSetMetaData meta, String column) throws SQLException {
        String match = null;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            if (label.equals(column)) {
                return Optional.of(label);
            }
            if (match == null && label.equalsIgnoreCase(column)) {
                match = label;
            }
        }
        return Optional.ofNullable(match);
    }
}
