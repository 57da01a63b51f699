package dev.inlet.bench.sql;

import dev.inlet.core.Connector;
import dev.inlet.jdbc.JdbcSink;
import dev.inlet.jdbc.SchemaContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 9b, SQL sink: one op upserts {@link #rows} records (pages of {@link #pageSize}) into an empty
 * {@code orders} table. Inlet is a {@link JdbcSink} (each page one transaction with its state row), with
 * batched upserts and with its bulk path (PostgreSQL: COPY); the baseline is the hand-written batched upsert
 * a user would write: the same {@code INSERT ... ON CONFLICT (id) DO UPDATE}, the same batch size, one commit
 * per page, values bound from the same records, and no state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SqlSinkBenchmark {

    static final int BATCH_SIZE = JdbcSink.DEFAULT_BATCH_SIZE;
    static final String UPSERT = "INSERT INTO orders (id, n, amount, name, updated_at, ok) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n, amount = EXCLUDED.amount, name = EXCLUDED.name, "
            + "updated_at = EXCLUDED.updated_at, ok = EXCLUDED.ok";

    /** The database: {@code duckdb} or {@code postgres}. */
    @Param({"postgres"})
    public String db;

    /** Records per op. */
    @Param({"20000"})
    public int rows;

    /** Records per page (one transaction). */
    @Param({"5000"})
    public int pageSize;

    Databases database;
    List<JsonNode> records;
    JdbcSink batched;
    JdbcSink bulk;

    /** Starts the database and builds the records, once per trial. */
    @Setup
    public void setUp() throws Exception {
        database = Databases.start(db);
        database.run("DROP TABLE IF EXISTS orders", Databases.ORDERS);
        records = MemoryPages.orders(rows);
        batched = JdbcSink.builder(database.dataSource, "orders").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .bulkLoad(false).build();
        bulk = JdbcSink.builder(database.dataSource, "orders").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .build();
    }

    /** Empties the table and the state before every op (not measured). */
    @Setup(Level.Invocation)
    public void empty() throws Exception {
        database.run("DELETE FROM orders", "DELETE FROM inlet_state");
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() throws Exception {
        database.close();
    }

    /** Inlet's sink, batched upserts. */
    @Benchmark
    public long inletBatched() {
        return batched.write(Connector.builder("orders", new MemoryPages(records, pageSize)).build()).rows();
    }

    /** Inlet's sink, bulk path where the driver has one (PostgreSQL COPY; elsewhere the same as batched). */
    @Benchmark
    public long inletBulk() {
        return bulk.write(Connector.builder("orders", new MemoryPages(records, pageSize)).build()).rows();
    }

    /** Rows with a positive amount in the table now (the smoke test's check). */
    public long writtenRows() throws Exception {
        return database.count("SELECT COUNT(*) FROM orders WHERE amount > 0");
    }

    /** The hand-written batched upsert. */
    @Benchmark
    public long handWrittenBatched() throws Exception {
        return handWritten(database, records, pageSize);
    }

    /** Upserts the records by hand: batches of {@link #BATCH_SIZE}, one commit per page. */
    static long handWritten(Databases database, List<JsonNode> records, int pageSize) throws Exception {
        try (Connection c = database.dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < records.size(); from += pageSize) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    int pending = 0;
                    for (JsonNode r : records.subList(from, Math.min(records.size(), from + pageSize))) {
                        ps.setLong(1, r.get("id").longValue());
                        ps.setLong(2, r.get("n").longValue());
                        ps.setBigDecimal(3, r.get("amount").decimalValue());
                        ps.setString(4, r.get("name").asString());
                        ps.setObject(5, OffsetDateTime.parse(r.get("updated_at").asString()));
                        ps.setBoolean(6, r.get("ok").booleanValue());
                        ps.addBatch();
                        if (++pending == BATCH_SIZE) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
                c.commit();
            }
        }
        return records.size();
    }
}
