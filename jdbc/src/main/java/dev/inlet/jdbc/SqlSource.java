package dev.inlet.jdbc;

import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link PageSource} over a query, read with keyset pagination: each page is
 * {@code SELECT * FROM (query) q WHERE (cursor, key) > (?, ?) ORDER BY cursor, key LIMIT pageSize}, streamed
 * with the driver's fetch size. The page token of a {@link Position} is the last (cursor, key) read, so a
 * saved position resumes after the last row delivered, and rows with equal cursor values are ordered by the
 * key: none is skipped at a page boundary.
 *
 * <p>Incremental sync: {@link #since(Optional)} returns a copy that reads only rows with
 * {@code cursor >= since}; pass it to core's {@code IncrementalSync} (whose lookback and recent-key dedupe
 * give the same guarantees as for HTTP sources). Records are JSON objects typed by column (see
 * docs/databases.md): NUMERIC stays {@code BigDecimal}, timestamptz is ISO-8601 UTC {@code Instant} text.
 *
 * <pre>{@code
 * SqlSource orders = SqlSource.builder(dataSource)
 *         .table("orders")                      // or .query("SELECT id, total, updated_at FROM orders")
 *         .orderBy("updated_at", "id")          // cursor, then a unique key
 *         .pageSize(1000)
 *         .build();
 * Connector<JsonNode> connector = Connector.builder("orders", orders).build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the query against the database: the order columns exist, the key is
 * unique (for a table), neither is nullable, and the query has no ORDER BY or LIMIT of its own. Immutable
 * and thread-safe; each page borrows a connection from the {@link DataSource} and returns it when closed.
 */
public final class SqlSource implements PageSource {

    /** Rows per page unless set. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final DataSource dataSource;
    private final String query;
    private final String description;
    private final String cursorColumn;
    private final String keyColumn;
    private final int pageSize;
    private final int fetchSize;
    private final Dialect dialect;
    private final Optional<String> since;
    private final Clock clock;

    private SqlSource(Builder b, Dialect dialect, Optional<String> since) {
        this.dataSource = b.dataSource;
        this.query = b.query;
        this.description = b.table != null ? b.table : "query";
        this.cursorColumn = b.cursorColumn;
        this.keyColumn = b.keyColumn;
        this.pageSize = b.pageSize;
        this.fetchSize = b.fetchSize == 0 ? Math.min(b.pageSize, 1000) : b.fetchSize;
        this.dialect = dialect;
        this.since = since;
        this.clock = b.clock;
        this.builder = b;
    }

    private final Builder builder;

    /** A builder reading through connections of this data source (pooling is the caller's). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** A copy that reads only rows whose cursor is at or after {@code since} (ISO-8601 instant, or a number). */
    public SqlSource since(Optional<String> since) {
        Objects.requireNonNull(since, "since");
        return new SqlSource(builder, dialect, since);
    }

    /** The lower bound of the cursor, if this copy is incremental. */
    public Optional<String> since() {
        return since;
    }

    /** The dialect in use (detected or set). */
    public Dialect dialect() {
        return dialect;
    }

    /** The SQL of one page: after a key if {@code afterKey}, from the since if set. */
    String pageSql(boolean afterKey) {
        String c = "q." + dialect.quote(cursorColumn);
        String k = "q." + dialect.quote(keyColumn);
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(query).append(") q");
        String glue = " WHERE ";
        if (since.isPresent()) {
            sql.append(glue).append(c).append(" >= ?");
            glue = " AND ";
        }
        if (afterKey) {
            sql.append(glue).append(dialect.keysetAfter(c, k));
        }
        return sql.append(" ORDER BY ").append(c).append(", ").append(k).append(" LIMIT ").append(pageSize)
                .toString();
    }

    @Override
    public OpenPage open(Position position) {
        Object[] after = position.token().map(KeysetKey::parameters).orElse(null);
        String sql = pageSql(after != null);
        Instant sentAt = clock.instant();
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                PreparedStatement ps = connection.prepareStatement(sql);
                ps.setFetchSize(fetchSize);
                int i = 1;
                if (since.isPresent()) {
                    ps.setObject(i++, sinceParameter(since.get()));
                }
                if (after != null) {
                    ps.setObject(i++, after[0]);
                    if (dialect.keysetBindsTwice()) {
                        ps.setObject(i++, after[0]);
                    }
                    ps.setObject(i, after[1]);
                }
                ResultSet rs = ps.executeQuery();
                return new SqlPage(connection, ps, rs, position, pageSize, cursorColumn, keyColumn, description,
                        sentAt, clock);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcException("reading " + description + " at " + position.describe() + " failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), "check the connection and rerun from the same position", e);
        }
    }

    private static Object sinceParameter(String since) {
        if (since.matches("-?\\d+")) {
            return Long.parseLong(since);
        }
        try {
            return OffsetDateTime.ofInstant(Instant.parse(since), ZoneOffset.UTC);
        } catch (RuntimeException notAnInstant) {
            return since;
        }
    }

    @Override
    public String toString() {
        return "SqlSource[" + description + " by (" + cursorColumn + ", " + keyColumn + "), " + pageSize + " rows/page"
                + since.map(s -> ", since " + s).orElse("") + "]";
    }

    /** Builds a {@link SqlSource}; {@code table} or {@code query} and {@code orderBy} are required. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table;
        private String query;
        private String cursorColumn;
        private String keyColumn;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int fetchSize;
        private Dialect dialect;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Reads every column of this table. */
        public Builder table(String table) {
            this.table = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Reads this query (no ORDER BY or LIMIT: the source adds them). */
        public Builder query(String sql) {
            this.query = Objects.requireNonNull(sql, "sql");
            return this;
        }

        /** The order: the cursor column (e.g. {@code updated_at}) then a unique key column (e.g. {@code id}). */
        public Builder orderBy(String cursorColumn, String keyColumn) {
            this.cursorColumn = Objects.requireNonNull(cursorColumn, "cursorColumn");
            this.keyColumn = Objects.requireNonNull(keyColumn, "keyColumn");
            return this;
        }

        /** Rows per page (default {@value SqlSource#DEFAULT_PAGE_SIZE}); a page is one query and one checkpoint. */
        public Builder pageSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("pageSize must be >= 1, was " + rows);
            }
            this.pageSize = rows;
            return this;
        }

        /** Rows the driver fetches per round trip (default: the page size, at most 1000). */
        public Builder fetchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("fetchSize must be >= 1, was " + rows);
            }
            this.fetchSize = rows;
            return this;
        }

        /** The dialect (default: detected from the connection). */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The clock of the page timings (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks the query against the database and builds the source.
         *
         * @throws JdbcConfigurationException if the order is missing or not stable, a column is missing or nullable
         */
        public SqlSource build() {
            if ((table == null) == (query == null)) {
                throw new JdbcConfigurationException("a SqlSource needs exactly one of table(...) or query(...)");
            }
            if (cursorColumn == null) {
                throw new JdbcConfigurationException("a SqlSource needs a stable order: call orderBy(cursorColumn, "
                        + "uniqueKeyColumn), e.g. orderBy(\"updated_at\", \"id\"); without a unique last column, "
                        + "rows with equal values could be skipped or repeated between pages");
            }
            try (Connection connection = dataSource.getConnection()) {
                Dialect d = dialect != null ? dialect : Dialect.of(connection);
                if (table != null) {
                    query = "SELECT * FROM " + d.quote(table);
                } else {
                    String lower = query.toLowerCase(Locale.ROOT);
                    if (lower.matches("(?s).*\\border\\s+by\\b.*") || lower.matches("(?s).*\\blimit\\s+\\d+\\s*$")) {
                        throw new JdbcConfigurationException("the query of a SqlSource must not have its own ORDER BY "
                                + "or LIMIT (the source pages by " + cursorColumn + ", " + keyColumn
                                + "): remove them from: " + query);
                    }
                }
                d.quote(cursorColumn);
                d.quote(keyColumn);
                check(connection, d);
                return new SqlSource(this, d, Optional.empty());
            } catch (SQLException e) {
                throw new JdbcException("checking the SqlSource query failed (SQL state " + e.getSQLState() + "): "
                        + e.getMessage(), "check the query and that the connection works", e);
            }
        }

        private void check(Connection connection, Dialect d) throws SQLException {
            String probe = "SELECT * FROM (" + query + ") q WHERE 1 = 0";
            try (PreparedStatement ps = connection.prepareStatement(probe); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                // DuckDB reports every query column as nullable: there a NULL is caught when read (SqlPage)
                boolean trustNullability = d != Dialect.DUCKDB;
                checkColumn(meta, cursorColumn, "cursor", trustNullability);
                checkColumn(meta, keyColumn, "key", trustNullability);
            }
            if (table != null) {
                checkTableColumns(connection.getMetaData());
            }
        }

        private void checkColumn(ResultSetMetaData meta, String column, String role, boolean trustNullability)
                throws SQLException {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                    if (table == null && trustNullability && meta.isNullable(i) == ResultSetMetaData.columnNullable) {
                        throw nullable(column, role);
                    }
                    return;
                }
            }
            throw new JdbcConfigurationException("the " + role + " column '" + column + "' is not among the columns of "
                    + (table != null ? "table " + table : "the query") + ": select it or fix orderBy(...)");
        }

        private void checkTableColumns(DatabaseMetaData meta) throws SQLException {
            try (ResultSet cols = meta.getColumns(null, null, table, null)) {
                while (cols.next()) {
                    String name = cols.getString("COLUMN_NAME");
                    boolean cursor = name.equalsIgnoreCase(cursorColumn);
                    if ((cursor || name.equalsIgnoreCase(keyColumn)) && "YES".equals(cols.getString("IS_NULLABLE"))) {
                        throw nullable(name, cursor ? "cursor" : "key");
                    }
                }
            }
            boolean unique = false;
            try (ResultSet keys = meta.getPrimaryKeys(null, null, table)) {
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
}
