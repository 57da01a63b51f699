package dev.inlet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL that differs between databases: row-value comparison for keyset paging, identifier quoting,
 * upsert and column types. Detected from the connection's product name unless set; Redshift is detected as
 * {@link #POSTGRESQL}; Snowflake and BigQuery run as {@link #GENERIC} (see docs/databases.md).
 */
public enum Dialect {
    /** PostgreSQL (and Redshift): {@code (a, b) > (?, ?)}, {@code ON CONFLICT DO UPDATE}. */
    POSTGRESQL(true, '"', "TEXT", "BIGINT", "NUMERIC", "DOUBLE PRECISION", "BOOLEAN", "TIMESTAMPTZ"),
    /** DuckDB, the embedded default. Decimals are {@code DECIMAL(38,10)}; a value with more digits is refused. */
    DUCKDB(true, '"', "VARCHAR", "BIGINT", "DECIMAL(38,10)", "DOUBLE", "BOOLEAN", "TIMESTAMPTZ"),
    /** H2: {@code MERGE INTO ... KEY}. */
    H2(true, '"', "VARCHAR", "BIGINT", "DECIMAL(38,10)", "DOUBLE PRECISION", "BOOLEAN", "TIMESTAMP WITH TIME ZONE"),
    /** MySQL and MariaDB: backticks, {@code ON DUPLICATE KEY UPDATE}, expanded keyset comparison. */
    MYSQL(false, '`', "VARCHAR(1024)", "BIGINT", "DECIMAL(38,10)", "DOUBLE", "BOOLEAN", "TIMESTAMP(6)"),
    /** SQLite: {@code ON CONFLICT DO UPDATE}, typeless columns. */
    SQLITE(true, '"', "TEXT", "INTEGER", "NUMERIC", "REAL", "BOOLEAN", "TEXT"),
    /** Anything else: standard SQL, expanded keyset comparison, no upsert (insert only). */
    GENERIC(false, '"', "VARCHAR(4000)", "BIGINT", "DECIMAL(38,10)", "DOUBLE PRECISION", "BOOLEAN",
            "TIMESTAMP WITH TIME ZONE");

    private final boolean rowValues;
    private final char quote;
    private final String text;
    private final String integer;
    private final String decimal;
    private final String floating;
    private final String bool;
    private final String timestamp;

    Dialect(boolean rowValues, char quote, String text, String integer, String decimal, String floating,
            String bool, String timestamp) {
        this.rowValues = rowValues;
        this.quote = quote;
        this.text = text;
        this.integer = integer;
        this.decimal = decimal;
        this.floating = floating;
        this.bool = bool;
        this.timestamp = timestamp;
    }

    /** The dialect of the database behind the connection, from its product name; {@link #GENERIC} if unknown. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres") || product.contains("redshift")) {
            return POSTGRESQL;
        }
        if (product.contains("duckdb")) {
            return DUCKDB;
        }
        if (product.equals("h2")) {
            return H2;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        return GENERIC;
    }

    /** The identifier quoted for this database; only letters, digits and underscores are accepted. */
    public String quote(String identifier) {
        if (!identifier.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new JdbcConfigurationException("'" + identifier + "' is not usable as a column or table name: "
                    + "use letters, digits and underscores (at most 63), not starting with a digit; "
                    + "rename the field with a RecordMapper or alias the column in the query");
        }
        return quote + identifier + quote;
    }

    /** {@code (c, k) > (?, ?)} or its expansion {@code (c > ? OR (c = ? AND k > ?))}; the expanded form binds the cursor twice. */
    String keysetAfter(String cursor, String key) {
        return rowValues ? "(" + cursor + ", " + key + ") > (?, ?)"
                : "(" + cursor + " > ? OR (" + cursor + " = ? AND " + key + " > ?))";
    }

    /** Whether the keyset predicate binds the cursor value twice (the expanded form). */
    boolean keysetBindsTwice() {
        return !rowValues;
    }

    /** An insert that replaces the row with the same primary key ({@link #GENERIC}: a plain insert). */
    public String upsert(String table, List<String> columns, List<String> primaryKey) {
        String cols = columns.stream().map(this::quote).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String keys = primaryKey.stream().map(this::quote).collect(Collectors.joining(", "));
        List<String> others = columns.stream().filter(c -> !primaryKey.contains(c)).toList();
        String insert = "INSERT INTO " + quote(table) + " (" + cols + ") VALUES (" + marks + ")";
        switch (this) {
            case H2:
                return "MERGE INTO " + quote(table) + " (" + cols + ") KEY (" + keys + ") VALUES (" + marks + ")";
            case MYSQL:
                return insert + (others.isEmpty() ? "" : " ON DUPLICATE KEY UPDATE " + others.stream()
                        .map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", ")));
            case GENERIC:
                return insert;
            default:
                return insert + " ON CONFLICT (" + keys + ") DO " + (others.isEmpty() ? "NOTHING" : "UPDATE SET "
                        + others.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                        .collect(Collectors.joining(", ")));
        }
    }

    /** The column type for text. */
    public String textType() {
        return text;
    }

    /** The column type for 64-bit integers. */
    public String integerType() {
        return integer;
    }

    /** The column type for fixed-point decimals. */
    public String decimalType() {
        return decimal;
    }

    /** The column type for doubles. */
    public String floatingType() {
        return floating;
    }

    /** The column type for booleans. */
    public String booleanType() {
        return bool;
    }

    /** The column type for instants (timestamp with time zone). */
    public String timestampType() {
        return timestamp;
    }
}
