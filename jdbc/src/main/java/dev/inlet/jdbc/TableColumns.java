package dev.inlet.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an existing table (name to JDBC type and scale), read from the database's metadata, with
 * the check that a JSON value fits a column without losing anything.
 */
final class TableColumns {

    /** One column: its JDBC type, type name, decimal digits (scale) and size (precision). */
    public record Column(String name, int type, String typeName, int scale, int size) {
    }

    private final String table;
    private final Map<String, Column> byLowerName;

    private TableColumns(String table, Map<String, Column> byLowerName) {
        this.table = table;
        this.byLowerName = byLowerName;
    }

    /**
     * The columns of the table, or empty if it does not exist: the table as named, else as lower or upper case (a
     * table created unquoted is stored folded, e.g. {@code ORDERS} on H2); {@link #table()} says which was found.
     */
    public static Optional<TableColumns> read(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    if (!name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        continue; // the name is a LIKE pattern ('_' matches any character)
                    }
                    String col = rs.getString("COLUMN_NAME");
                    columns.put(col.toLowerCase(Locale.ROOT), new Column(col, rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"), rs.getInt("DECIMAL_DIGITS"), rs.getInt("COLUMN_SIZE")));
                }
            }
            if (!columns.isEmpty()) {
                return Optional.of(new TableColumns(name, columns));
            }
        }
        return Optional.empty();
    }

    /** The table's name as the database stores it: quoted, it names this table. */
    public String table() {
        return table;
    }

    /** The column of this name (case-insensitive), if any. */
    public Optional<Column> get(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Adds a column (after an ALTER TABLE). */
    public void add(Column column) {
        byLowerName.put(column.name().toLowerCase(Locale.ROOT), column);
    }

    /** Whether the column's type is a fixed-scale decimal. */
    public static boolean isDecimal(Column c) {
        return c.type() == Types.DECIMAL || c.type() == Types.NUMERIC;
    }

    /** Whether the column's type is an integer. */
    public static boolean isInteger(Column c) {
        return c.type() == Types.BIGINT || c.type() == Types.INTEGER || c.type() == Types.SMALLINT
                || c.type() == Types.TINYINT;
    }

    /** Whether the column's type is text. */
    public static boolean isText(Column c) {
        return c.type() == Types.VARCHAR || c.type() == Types.CHAR || c.type() == Types.LONGVARCHAR
                || c.type() == Types.NVARCHAR || c.type() == Types.CLOB || c.type() == Types.OTHER && c.typeName()
                .toLowerCase(Locale.ROOT).contains("json");
    }

    /** Whether the column's type is a timestamp (with or without zone). */
    public static boolean isTimestamp(Column c) {
        return c.type() == Types.TIMESTAMP || c.type() == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    /** Whether the column's type is boolean. */
    public static boolean isBoolean(Column c) {
        return c.type() == Types.BOOLEAN || c.type() == Types.BIT;
    }

    /** Whether the column's type is floating point. */
    public static boolean isFloating(Column c) {
        return c.type() == Types.DOUBLE || c.type() == Types.FLOAT || c.type() == Types.REAL;
    }
}
