package dev.inlet.bench.sql;

import dev.inlet.core.Connector;
import dev.inlet.jdbc.SqlSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Benchmark 9a, SQL source: one op reads the whole {@code orders} table ({@link #rows} rows) and sums {@code n}.
 * Inlet is a {@code Connector} over a {@link SqlSource} ({@code ORDER BY updated_at, id}, pages of 10,000, typed
 * JSON records), streaming and, for comparison, one query per page; the baseline is the hand-written JDBC loop
 * a user would write: one {@code SELECT ... ORDER BY updated_at, id} with the same fetch size, each row mapped
 * to the same typed {@code ObjectNode} with the column types known in advance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SqlSourceBenchmark {

    static final int PAGE_SIZE = 10_000;
    static final int FETCH_SIZE = 1_000;

    /** The database: {@code duckdb} or {@code postgres}. */
    @Param({"duckdb"})
    public String db;

    /** Rows in the table. */
    @Param({"200000"})
    public int rows;

    Databases database;
    Connector<JsonNode> streaming;
    Connector<JsonNode> perPage;

    /** Starts the database and fills the table, once per trial. */
    @Setup
    public void setUp() throws Exception {
        database = Databases.start(db);
        database.fillOrders(rows);
        streaming = Connector.builder("orders", SqlSource.builder(database.dataSource).table("orders")
                .orderBy("updated_at", "id").pageSize(PAGE_SIZE).fetchSize(FETCH_SIZE).streaming(true).build()).build();
        perPage = Connector.builder("orders", SqlSource.builder(database.dataSource).table("orders")
                .orderBy("updated_at", "id").pageSize(PAGE_SIZE).fetchSize(FETCH_SIZE).build()).build();
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() throws Exception {
        database.close();
    }

    /** Inlet, streaming: one keyset query across pages. */
    @Benchmark
    public long inletStreaming() {
        return checked(sum(streaming));
    }

    /** Inlet, one {@code LIMIT} query per page (the default). */
    @Benchmark
    public long inletPerPage() {
        return checked(sum(perPage));
    }

    /** The hand-written loop. */
    @Benchmark
    public long handWrittenLoop() throws Exception {
        return checked(handWritten(database, FETCH_SIZE));
    }

    /** The records' sum of {@code n} times a million plus their count (so a lost or extra row shows). */
    static long sum(Connector<JsonNode> connector) {
        long[] count = {0};
        try (var records = connector.records()) {
            long sum = records.mapToLong(r -> {
                count[0]++;
                return r.get("n").asLong();
            }).sum();
            return sum * 1_000_000L + count[0];
        }
    }

    /** One query, the same typed records, the sum of {@code n} times a million plus the row count. */
    static long handWritten(Databases database, int fetchSize) throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        long sum = 0;
        long count = 0;
        try (Connection c = database.dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT id, n, amount, name, updated_at, ok FROM orders "
                    + "ORDER BY updated_at, id")) {
                ps.setFetchSize(fetchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode r = nodes.objectNode();
                        r.put("id", rs.getLong(1));
                        r.put("n", rs.getLong(2));
                        r.put("amount", rs.getBigDecimal(3));
                        r.put("name", rs.getString(4));
                        r.put("updated_at", rs.getObject(5, OffsetDateTime.class).toInstant().toString());
                        r.put("ok", rs.getBoolean(6));
                        sum += r.get("n").asLong();
                        count++;
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return sum * 1_000_000L + count;
    }

    private long checked(long result) {
        long expectedCount = rows;
        if (result % 1_000_000L != expectedCount) {
            throw new IllegalStateException("read " + result % 1_000_000L + " rows, expected " + expectedCount);
        }
        return result;
    }
}
