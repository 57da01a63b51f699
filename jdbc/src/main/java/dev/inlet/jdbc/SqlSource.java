package dev.inlet.jdbc;

import dev.inlet.core.OpenPage;
import dev.inlet.core.PageSource;
import dev.inlet.core.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link PageSource} over a query, read with keyset pagination: the query is
 * {@code SELECT * FROM (query) q WHERE (cursor, key) > (?, ?) ORDER BY cursor, key}, streamed with the driver's
 * fetch size, and a page is the next {@code pageSize} rows. By default each page is its own query with
 * {@code LIMIT pageSize}; with {@link Builder#streaming(boolean) streaming(true)} one query stays open across
 * pages (several times faster where the database sorts rather than walks an index, e.g. DuckDB). The
 * page token of a {@link Position} is the last (cursor, key) read, so a saved position resumes after the last
 * row delivered (re-querying from that key), and rows with equal cursor values are ordered by the key: none is
 * skipped at a page boundary.
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
 * and thread-safe; a query borrows a connection from the {@link DataSource} and returns it when its page closes
 * (streaming: when the data ends, on an error, after the idle timeout or on {@link #releaseConnections()}).
 */
public final class SqlSource implements PageSource {

    /** Rows per page unless set. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    /** How long a streaming query waits open for its next page unless set. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

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
    private final ParkedCursors parked;

    private SqlSource(Builder b, Dialect dialect, SourceCheck.Checked checked, Optional<String> since) {
        this.dataSource = b.dataSource;
        this.checked = checked;
        this.query = checked.query();
        this.description = b.table != null ? b.table : "query";
        this.cursorColumn = checked.cursor();
        this.keyColumn = checked.key();
        this.pageSize = b.pageSize;
        this.fetchSize = b.fetchSize == 0 ? Math.min(b.pageSize, 1000) : b.fetchSize;
        this.dialect = dialect;
        this.since = since;
        this.clock = b.clock;
        this.builder = b;
        this.parked = b.streaming ? new ParkedCursors(b.idleTimeout, description) : null;
    }

    private final Builder builder;
    private final SourceCheck.Checked checked;

    /** A builder reading through connections of this data source (pooling is the caller's). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** A copy that reads only rows whose cursor is at or after {@code since} (ISO-8601 instant, or a number). */
    public SqlSource since(Optional<String> since) {
        Objects.requireNonNull(since, "since");
        return new SqlSource(builder, dialect, checked, since);
    }

    /** The lower bound of the cursor, if this copy is incremental. */
    public Optional<String> since() {
        return since;
    }

    /** The dialect in use (detected or set). */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The SQL that reads from a position: after a key if {@code afterKey}, from the since if set; one page
     * ({@code LIMIT pageSize}) unless streaming, where the query reads on to the end across pages.
     */
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
        sql.append(" ORDER BY ").append(c).append(", ").append(k);
        return parked != null ? sql.toString() : sql.append(" LIMIT ").append(pageSize).toString();
    }

    /** Whether this source keeps one query open across pages (see {@link Builder#streaming(boolean)}). */
    public boolean streaming() {
        return parked != null;
    }

    /**
     * Closes the queries a streaming source keeps open between pages, returning their connections now rather
     * than after the idle timeout; a later page re-runs its query from the position's key. The source stays
     * usable. Does nothing for a source that does not stream.
     */
    public void releaseConnections() {
        if (parked != null) {
            parked.closeAll();
        }
    }

    /** How many open queries wait for their next page (tests). */
    int parkedCursors() {
        return parked == null ? 0 : parked.size();
    }

    @Override
    public OpenPage open(Position position) {
        Instant sentAt = clock.instant();
        if (parked != null && position.skip() == 0 && position.token().isPresent()) {
            Optional<SqlCursor> open = parked.take(position);
            if (open.isPresent()) {
                try {
                    return new SqlPage(open.get(), parked, position, pageSize, description, sentAt, sentAt);
                } catch (SQLException e) {
                    throw failed(position, e); // not thrown: no row is skipped at a parked position
                }
            }
        }
        Object[] after = position.token().map(KeysetKey::parameters).orElse(null);
        String sql = pageSql(after != null);
        try {
            Connection connection = dataSource.getConnection();
            SqlCursor cursor = null;
            try {
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                PreparedStatement ps = connection.prepareStatement(sql);
                try {
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
                    cursor = new SqlCursor(connection, ps, rs, cursorColumn, keyColumn);
                } catch (SQLException | RuntimeException e) {
                    ps.close();
                    throw e;
                }
                return new SqlPage(cursor, parked, position, pageSize, description, sentAt, clock.instant());
            } catch (SQLException | RuntimeException e) {
                if (cursor != null) {
                    cursor.close();
                } else {
                    connection.rollback();
                    connection.close();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failed(position, e);
        }
    }

    private JdbcException failed(Position position, SQLException e) {
        return new JdbcException("reading " + description + " at " + position.describe() + " failed (SQL state "
                + e.getSQLState() + "): " + e.getMessage(), "check the connection and rerun from the same position", e);
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
                + since.map(s -> ", since " + s).orElse("") + (parked != null ? ", streaming" : "") + "]";
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
        private boolean streaming;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

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

        /**
         * Whether one query stays open across pages (default false). Streaming runs the keyset query once, without
         * {@code LIMIT}, and hands out pages of {@code pageSize} rows from its result set; a page read to its full
         * size leaves the query open for exactly the next position, so the next page needs no new query, plan
         * or sort. Any other position (a resume, a skip, another run) re-queries from its key, so positions are
         * as exact as without streaming. The query holds its connection (and on PostgreSQL one read
         * transaction, one snapshot) until the end of the data, an error, {@link SqlSource#releaseConnections()}
         * or the {@link #idleTimeout(Duration) idle timeout}: a caller that stops after a full page leaves it
         * open that long (on PostgreSQL its read lock then delays DDL on the table), hence opt-in. With
         * {@code false}, each page is its own {@code ... LIMIT pageSize} query on a connection returned when the
         * page closes.
         */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** How long a streaming query waits open for its next page before it is closed (default 60 s). */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + timeout);
            }
            this.idleTimeout = timeout;
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
         * Checks the query against the database and builds the source. A table's name and the order columns are
         * used as the database spells them (e.g. {@code ORDERS} on H2 for a table created unquoted as
         * {@code orders}).
         *
         * @throws JdbcConfigurationException if the order is missing or not stable, a column is missing or nullable
         */
        public SqlSource build() {
            try (Connection connection = dataSource.getConnection()) {
                Dialect d = dialect != null ? dialect : Dialect.of(connection);
                SourceCheck.Checked checked = SourceCheck.check(connection, d, table, query, cursorColumn, keyColumn);
                return new SqlSource(this, d, checked, Optional.empty());
            } catch (SQLException e) {
                throw new JdbcException("checking the SqlSource query failed (SQL state " + e.getSQLState() + "): "
                        + e.getMessage(), "check the query and that the connection works", e);
            }
        }
    }
}
