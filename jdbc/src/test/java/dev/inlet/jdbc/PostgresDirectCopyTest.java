package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.state.ConnectorState;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The sink's initial load on PostgreSQL: COPY straight into an empty table with a unique key, and the fall back
 * to the staged upsert (COPY into a temporary table, then {@code INSERT ... ON CONFLICT}) whenever that would not
 * give the upsert's result. Which path ran is seen in the statements: the staged one creates its temporary table.
 */
@Timeout(60)
class PostgresDirectCopyTest {

    private static final String STAGED = "CREATE TEMP TABLE";
    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private CountingDataSource counting;

    @BeforeEach
    void clean() throws Exception {
        Sql.run(postgres.dataSource(), "DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS items_batched",
                "DROP TABLE IF EXISTS inlet_state", "DROP TABLE IF EXISTS inlet_state_batched",
                "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(8,2), ratio DOUBLE PRECISION, "
                        + "at TIMESTAMPTZ, ok BOOLEAN)");
        counting = new CountingDataSource(postgres.dataSource());
    }

    private JdbcSink sink() {
        return JdbcSink.builder(counting.dataSource, "items").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .build();
    }

    private static Connector<JsonNode> source(int total, int pageSize, IntFunction<JsonNode> record, int failAt) {
        return Connector.builder("items", new ListSource(total, pageSize, record, failAt)).build();
    }

    private long staged() {
        return counting.statements.stream().filter(sql -> sql.startsWith(STAGED)).count();
    }

    private DataSource db() {
        return postgres.dataSource();
    }

    @Test
    void anInitialLoadCopiesStraightIntoTheTableAndWritesWhatTheBatchedUpsertWrites() throws Exception {
        Sql.run(db(), "CREATE TABLE items_batched (LIKE items INCLUDING ALL)");
        SinkReport report = sink().write(source(40, 10, JdbcSinkContract::awkward, -1));
        JdbcSink.builder(db(), "items_batched").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .bulkLoad(false).stateTable("inlet_state_batched").build()
                .write(source(40, 10, JdbcSinkContract::awkward, -1));
        assertThat(report.rows()).isEqualTo(40);
        assertThat(report.completed()).isTrue();
        assertThat(staged()).isZero();
        String columns = "concat_ws('|', id, name, price, ratio, at, ok)";
        assertThat(Sql.column(db(), "SELECT " + columns + " FROM items ORDER BY id")).hasSize(40)
                .containsExactlyElementsOf(Sql.column(db(), "SELECT " + columns + " FROM items_batched ORDER BY id"));
        assertThat(sink().stateStore().load("items").orElseThrow().position()).isEmpty();
    }

    @Test
    void aTableWithRowsAtTheStartIsUpsertedThroughTheStage() throws Exception {
        Sql.run(db(), "INSERT INTO items (id, name) VALUES (3, 'old'), (1000, 'kept')");
        SinkReport report = sink().write(source(40, 10, i -> JdbcSinkContract.item(i, "new"), -1));
        assertThat(report.rows()).isEqualTo(40);
        assertThat(staged()).isEqualTo(4); // every page staged
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(41);
        assertThat(Sql.column(db(), "SELECT name FROM items WHERE id IN (3, 1000) ORDER BY id"))
                .containsExactly("new", "kept");
    }

    @Test
    void aKeyRepeatedWithinAPageIsLoadedOnceWithItsLastValue() throws Exception {
        // records 2k and 2k+1 share id k: the page keeps the later one, as the upsert would
        SinkReport report = sink().write(source(40, 20, i -> JdbcSinkContract.item(i / 2, "v" + i), -1));
        assertThat(staged()).isZero();
        assertThat(report.rows()).isEqualTo(20);
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(20);
        assertThat(Sql.column(db(), "SELECT name FROM items WHERE id IN (0, 7, 19) ORDER BY id"))
                .containsExactly("v1", "v15", "v39");
    }

    @Test
    void aKeyRepeatedByALaterPageRollsThatPageBackAndUpsertsFromThere() throws Exception {
        // page 1: ids 0..9; page 2: ids 10..14 then 0..4 again (new values); page 3: ids 5..9 again
        SinkReport report = sink().write(source(25, 10, i -> JdbcSinkContract.item(i % 15, "v" + i), -1));
        assertThat(report.pages()).isEqualTo(3);
        assertThat(report.completed()).isTrue();
        assertThat(staged()).isEqualTo(2); // page 1 straight in; page 2 tried, rolled back, staged; page 3 staged
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(15);
        assertThat(Sql.column(db(), "SELECT name FROM items WHERE id IN (0, 4, 5, 9, 10, 14) ORDER BY id"))
                .containsExactly("v15", "v19", "v20", "v24", "v10", "v14");
    }

    @Test
    void aKeyRepeatedOnAPageThatAddsAColumnRollsBackToASavepointThatKeepsTheColumn() throws Exception {
        // page 1: ids 0..9; page 2: ids 10..14 then 0..4 again, with a new field (EVOLVE adds its column in page
        // 2's transaction, so the failed load may not roll that transaction back: a savepoint keeps the column)
        JdbcSink sink = JdbcSink.builder(counting.dataSource, "items").primaryKey("id")
                .schemaContract(SchemaContract.EVOLVE).build();
        SinkReport report = sink.write(source(20, 10, i -> {
            var item = JdbcSinkContract.item(i % 15, "v" + i);
            return i < 10 ? item : item.put("colour", "c" + i);
        }, -1));
        assertThat(report.completed()).isTrue();
        assertThat(report.columnsAdded()).containsExactly("colour");
        assertThat(staged()).isEqualTo(1); // page 2 tried straight in, rolled back to its savepoint, staged
        assertThat(counting.statements).anyMatch(sql -> sql.startsWith("ALTER TABLE"));
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(15);
        assertThat(Sql.column(db(), "SELECT concat_ws('|', name, colour) FROM items WHERE id IN (0, 4, 5, 14) ORDER BY id"))
                .containsExactly("v15|c15", "v19|c19", "v5", "v14|c14");
    }

    @Test
    void aCrashBetweenPagesKeepsTheCommittedPagesAndTheRerunResumesThroughTheStage() throws Exception {
        JdbcSink sink = sink();
        assertThatThrownBy(() -> sink.write(source(50, 10, i -> JdbcSinkContract.item(i, "x"), 2)))
                .hasMessageContaining("page 2");
        assertThat(staged()).isZero();
        ConnectorState saved = sink.stateStore().load("items").orElseThrow();
        assertThat(saved.position().orElseThrow().recordsBefore()).isEqualTo(20);
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(20); // state consistent with rows
        SinkReport rerun = sink.write(source(50, 10, i -> JdbcSinkContract.item(i, "x"), -1));
        assertThat(rerun.resumedFrom()).isPresent();
        assertThat(rerun.rows()).isEqualTo(30);
        assertThat(staged()).isEqualTo(3); // the table is no longer empty: the safe path
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(50);
        assertThat(Sql.count(db(), "SELECT COUNT(DISTINCT id) FROM items")).isEqualTo(50);
    }

    @Test
    void aTableEmptiedByDeleteIsLoadedStraightInWithoutScanningItsDeadRows() throws Exception {
        sink().write(source(3000, 1000, i -> JdbcSinkContract.item(i, "first"), -1));
        Sql.run(db(), "DELETE FROM items", "DELETE FROM inlet_state");
        // the deleting session's counts reach the statistics when its backend ends: wait for them, bounded
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Sql.count(db(), "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'items'") != 0) {
            assertThat(System.nanoTime()).as("statistics caught up within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        counting.statements.clear();
        SinkReport report = sink().write(source(40, 10, i -> JdbcSinkContract.item(i, "second"), -1));
        assertThat(report.rows()).isEqualTo(40);
        assertThat(staged()).isZero();
        assertThat(counting.statements).noneMatch(sql -> sql.startsWith("SELECT 1 FROM"));
        assertThat(Sql.column(db(), "SELECT DISTINCT name FROM items")).containsExactly("second");
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isEqualTo(40);
    }

    @Test
    void aTableWithoutAUniqueKeyIsNeverLoadedStraightIn() throws Exception {
        Sql.run(db(), "DROP TABLE items", "CREATE TABLE items (id BIGINT NOT NULL, name TEXT, price NUMERIC(8,2))",
                "CREATE UNIQUE INDEX items_partial ON items (id) WHERE id > 100");
        // the upsert needs a unique key on id and says so; a COPY would have loaded the rows without one
        assertThatThrownBy(() -> sink().write(source(10, 10, i -> JdbcSinkContract.item(i, "x"), -1)))
                .isInstanceOf(JdbcException.class).hasMessageContaining("ON CONFLICT");
        assertThat(Sql.count(db(), "SELECT COUNT(*) FROM items")).isZero();
        assertThat(uniqueOn("id")).isFalse();
        Sql.run(db(), "CREATE UNIQUE INDEX items_id ON items (id)");
        assertThat(uniqueOn("id")).isTrue();
        assertThat(uniqueOn("id", "name")).isFalse();
    }

    private boolean uniqueOn(String... keys) throws Exception {
        try (java.sql.Connection c = db().getConnection()) {
            return DirectLoad.hasUniqueIndexOn(c.getMetaData(), "items", List.of(keys));
        }
    }
}
