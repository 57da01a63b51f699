package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink contract on PostgreSQL (through COPY, the default there), plus COPY against batched inserts. */
class PostgresJdbcSinkTest extends JdbcSinkContract {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }

    @Test
    void copyWritesExactlyWhatBatchedInsertsWriteAndOnlyPreparesTheStateStatements() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS items_batched",
                "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(8,2), ratio DOUBLE PRECISION, "
                        + "at TIMESTAMPTZ, ok BOOLEAN)",
                "CREATE TABLE items_batched (LIKE items INCLUDING ALL)");
        CountingDataSource copying = new CountingDataSource(dataSource());
        CountingDataSource batching = new CountingDataSource(dataSource());
        JdbcSink copy = JdbcSink.builder(copying.dataSource, "items").primaryKey("id")
                .schemaContract(SchemaContract.FREEZE).build();
        JdbcSink batched = JdbcSink.builder(batching.dataSource, "items_batched").primaryKey("id")
                .schemaContract(SchemaContract.FREEZE).bulkLoad(false).stateTable("inlet_state_batched").build();
        int copyBefore = copying.queries.get();
        int batchBefore = batching.queries.get();
        copy.write(Connector.builder("items", new ListSource(40, 10, JdbcSinkContract::awkward, -1)).build());
        batched.write(Connector.builder("items", new ListSource(40, 10, JdbcSinkContract::awkward, -1)).build());
        // the same statements but for the rows: batched prepares its insert once per page (4 pages), COPY never;
        // COPY prepares one statistics query per run instead (is the table empty: see DirectLoad)
        assertThat((batching.queries.get() - batchBefore) - (copying.queries.get() - copyBefore)).isEqualTo(4 - 1);
        String columns = "id, name, price, ratio, at, ok";
        List<String> copied = Sql.column(dataSource(), "SELECT concat_ws('|', " + columns + ") FROM items ORDER BY id");
        assertThat(copied).hasSize(40)
                .containsExactlyElementsOf(Sql.column(dataSource(), "SELECT concat_ws('|', " + columns
                        + ") FROM items_batched ORDER BY id"));
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items WHERE name = ''")).isEqualTo(8);
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items WHERE price IS NULL")).isEqualTo(6);
        Sql.run(dataSource(), "DROP TABLE items_batched", "DROP TABLE inlet_state_batched");
    }

    @Test
    void copyRefusesALossyValueLikeTheBatchedInsertAndCommitsNothingOfThePage() throws Exception {
        Sql.run(dataSource(), "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(8,1))");
        JdbcSink sink = JdbcSink.builder(dataSource(), "items").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .build();
        assertThatThrownBy(() -> sink.write(Connector.builder("items", new ListSource(5, 5, i -> item(i, "a"), -1))
                .build())).isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("without rounding");
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isZero();
    }
}
