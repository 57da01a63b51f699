package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The sink contract on DuckDB (through the driver's appender, the default there), plus appender against batched. */
class DuckDbJdbcSinkTest extends JdbcSinkContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:duckdb:" + dir.resolve("sink.duckdb"));
    }

    /** The contract's awkward records with a date and a 32-bit column, which the appender stages as DATE and BIGINT. */
    private static final IntFunction<JsonNode> AWKWARD = i -> awkward(i).put("day", "2026-02-0" + (1 + i % 9))
            .put("small", i);

    @Test
    void theAppenderWritesExactlyWhatBatchedInsertsWriteAndPreparesNoInsert() throws Exception {
        String columns = "(id BIGINT PRIMARY KEY, name VARCHAR, price DECIMAL(8,2), ratio DOUBLE, \"at\" TIMESTAMPTZ, "
                + "day DATE, ok BOOLEAN, small INTEGER)";
        DataSource db = dataSource();
        Sql.run(db, "CREATE TABLE items " + columns, "CREATE TABLE items_batched " + columns);
        CountingDataSource appending = new CountingDataSource(db);
        CountingDataSource batching = new CountingDataSource(db);
        JdbcSink appender = JdbcSink.builder(appending.dataSource, "items").primaryKey("id")
                .schemaContract(SchemaContract.FREEZE).build();
        JdbcSink batched = JdbcSink.builder(batching.dataSource, "items_batched").primaryKey("id")
                .schemaContract(SchemaContract.FREEZE).bulkLoad(false).stateTable("inlet_state_batched").build();
        try (Connection c = db.getConnection()) {
            assertThat(DuckDbAppend.of(c)).as("the DuckDB driver offers the appender").isPresent();
        }
        int appendBefore = appending.queries.get();
        int batchBefore = batching.queries.get();
        appender.write(Connector.builder("items", new ListSource(40, 10, AWKWARD, -1)).build());
        batched.write(Connector.builder("items", new ListSource(40, 10, AWKWARD, -1)).build());
        // the same statements but for the rows: batched prepares its insert once per page (4 pages), the appender never
        assertThat((batching.queries.get() - batchBefore) - (appending.queries.get() - appendBefore)).isEqualTo(4);
        String select = "SELECT concat_ws('|', id, name, price, ratio, \"at\", day, ok, small) FROM ";
        List<String> appended = Sql.column(db, select + "items ORDER BY id");
        assertThat(appended).hasSize(40).containsExactlyElementsOf(Sql.column(db, select + "items_batched ORDER BY id"));
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM items WHERE name = ''")).isEqualTo(8);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM items WHERE price IS NULL")).isEqualTo(6);

        appender.write(Connector.builder("items", new ListSource(40, 10, i -> item(i, "again " + i), -1)).build());
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM items WHERE name LIKE 'again %'")).as("upserted").isEqualTo(40);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM items")).isEqualTo(40);
    }

    @Test
    void theAppenderRefusesALossyValueLikeTheBatchedInsertAndCommitsNothingOfThePage() throws Exception {
        Sql.run(dataSource(), "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR, price DECIMAL(8,1))");
        JdbcSink sink = JdbcSink.builder(dataSource(), "items").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .build();
        assertThatThrownBy(() -> sink.write(Connector.builder("items", new ListSource(5, 5, i -> item(i, "a"), -1))
                .build())).isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("without rounding");
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isZero();
    }

    @Test
    void aValueTheTableCannotHoldFailsThePageAndNothingOfItIsCommitted() throws Exception {
        Sql.run(dataSource(), "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR, small INTEGER)");
        JdbcSink sink = JdbcSink.builder(dataSource(), "items").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .build();
        IntFunction<JsonNode> tooBig = i -> {
            ObjectNode n = item(i, "n").put("small", i == 3 ? 10_000_000_000L : i);
            n.remove("price");
            return n;
        };
        assertThatThrownBy(() -> sink.write(Connector.builder("items", new ListSource(5, 5, tooBig, -1)).build()))
                .isInstanceOf(RuntimeException.class);
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isZero();
    }
}
