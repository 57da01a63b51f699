package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.state.ConnectorState;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JdbcSink guarantees, run against each database by a subclass. */
@Timeout(60)
abstract class JdbcSinkContract {

    abstract DataSource dataSource();

    @BeforeEach
    void clean() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS inlet_state");
    }

    /**
     * A record whose name is awkward for a CSV or SQL path (quotes, commas, a newline, an empty string, a
     * backslash sequence), with a NULL price every 7th, a double, a timestamp and a boolean.
     */
    static ObjectNode awkward(int i) {
        ObjectNode n = item(i, switch (i % 5) {
            case 0 -> "comma, \"quote\" and\nnewline";
            case 1 -> "";
            case 2 -> "\\N back\\slash";
            default -> "plain " + i;
        });
        if (i % 7 == 0) {
            n.putNull("price");
        }
        n.put("ratio", i / 3.0);
        n.put("at", "2026-01-0" + (1 + i % 9) + "T00:00:01Z");
        n.put("ok", i % 2 == 0);
        return n;
    }

    static ObjectNode item(int i, String name) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", i);
        n.put("name", name);
        n.put("price", new java.math.BigDecimal(i + ".25"));
        return n;
    }

    private static Connector<JsonNode> connector(int total, int pageSize, IntFunction<JsonNode> record, int failAt) {
        return Connector.builder("items", new ListSource(total, pageSize, record, failAt)).build();
    }

    private JdbcSink.Builder sink(SchemaContract contract) {
        return JdbcSink.builder(dataSource(), "items").primaryKey("id").createTable(true).schemaContract(contract);
    }

    @Test
    void createsTheTableAndUpsertsByPrimaryKey() throws Exception {
        JdbcSink sink = sink(SchemaContract.FREEZE).build();
        SinkReport first = sink.write(connector(30, 7, i -> item(i, "v1"), -1));
        sink.stateStore().delete("items"); // start over: the same keys again, new values
        SinkReport second = sink.write(connector(30, 7, i -> item(i, "v2"), -1));
        assertThat(first.rows()).isEqualTo(30);
        assertThat(first.pages()).isEqualTo(5);
        assertThat(second.completed()).isTrue();
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isEqualTo(30);
        assertThat(Sql.column(dataSource(), "SELECT DISTINCT name FROM items")).containsExactly("v2");
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items WHERE id = 3 AND price = 3.25")).isEqualTo(1);
    }

    @Test
    void aFailedPageCommitsNothingAndTheRerunResumesWithoutDuplicates() throws Exception {
        JdbcSink sink = sink(SchemaContract.FREEZE).build();
        assertThatThrownBy(() -> sink.write(connector(50, 10, i -> item(i, "x"), 3)))
                .hasMessageContaining("page 3");
        ConnectorState saved = sink.stateStore().load("items").orElseThrow();
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isEqualTo(30);
        assertThat(saved.position().orElseThrow().recordsBefore()).isEqualTo(30);
        SinkReport rerun = sink.write(connector(50, 10, i -> item(i, "x"), -1));
        assertThat(rerun.resumedFrom()).isPresent();
        assertThat(rerun.rows()).isEqualTo(20);
        assertThat(Sql.count(dataSource(), "SELECT COUNT(DISTINCT id) FROM items")).isEqualTo(50);
        assertThat(sink.stateStore().load("items").orElseThrow().position()).isEmpty();
    }

    @Test
    void incrementalSyncFromASqlSourceReadsLateRowsAndUpsertsTheOverlap() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS events", "DROP TABLE IF EXISTS events_copy",
                "CREATE TABLE events (id BIGINT PRIMARY KEY, updated_at TIMESTAMPTZ NOT NULL, v BIGINT NOT NULL)");
        StringBuilder rows = new StringBuilder("INSERT INTO events VALUES ");
        for (int i = 1; i <= 10; i++) {
            rows.append(i > 1 ? ", " : "").append("(").append(i).append(", TIMESTAMPTZ '2026-01-01 00:00:0")
                    .append(i / 2).append("+00', ").append(i).append(")");
        }
        Sql.run(dataSource(), rows.toString());
        SqlSource events = SqlSource.builder(dataSource()).table("events").orderBy("updated_at", "id").pageSize(3)
                .build();
        JdbcSink sink = JdbcSink.builder(dataSource(), "events_copy").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.FREEZE).cursorField("updated_at").lookback(java.time.Duration.ofSeconds(2))
                .build();
        SinkReport first = sink.write("events", since -> Connector.builder("events", events.since(since)).build());
        // committed late with an older timestamp (inside the lookback), plus a new row and an updated one
        Sql.run(dataSource(), "INSERT INTO events VALUES (11, TIMESTAMPTZ '2026-01-01 00:00:04+00', 11), "
                + "(12, TIMESTAMPTZ '2026-01-01 00:00:09+00', 12)", "UPDATE events SET v = 100, "
                + "updated_at = TIMESTAMPTZ '2026-01-01 00:00:08+00' WHERE id = 1");
        java.util.List<java.util.Optional<String>> sinces = new java.util.ArrayList<>();
        SinkReport second = sink.write("events", since -> {
            sinces.add(since);
            return Connector.builder("events", events.since(since)).build();
        });
        assertThat(first.rows()).isEqualTo(10);
        assertThat(second.rows()).isLessThan(10).isGreaterThanOrEqualTo(3); // the lookback window, not everything
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM events_copy")).isEqualTo(12);
        assertThat(Sql.count(dataSource(), "SELECT v FROM events_copy WHERE id = 1")).isEqualTo(100);
        ConnectorState state = sink.stateStore().load("events").orElseThrow();
        assertThat(state.cursor()).contains("2026-01-01T00:00:09Z");
        assertThat(sinces).containsExactly(java.util.Optional.of("2026-01-01T00:00:03Z")); // cursor 00:05 minus 2 s
        assertThat(state.since()).isEmpty(); // the run completed
    }

    @Test
    void schemaContractEvolvesFreezesOrDiscardsANewField() throws Exception {
        IntFunction<JsonNode> later = i -> i < 10 ? item(i, "a") : item(i, "b").put("colour", "red");
        assertThatThrownBy(() -> sink(SchemaContract.FREEZE).build().write(connector(20, 10, later, -1)))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("'colour'")
                .hasMessageContaining("FREEZE");
        Sql.run(dataSource(), "DELETE FROM inlet_state");
        SinkReport discard = sink(SchemaContract.DISCARD).build().write(connector(20, 10, later, -1));
        assertThat(discard.discardedFields()).isEqualTo(10);
        Sql.run(dataSource(), "DELETE FROM inlet_state");
        SinkReport evolve = sink(SchemaContract.EVOLVE).build().write(connector(20, 10, later, -1));
        assertThat(evolve.columnsAdded()).containsExactly("colour");
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items WHERE colour = 'red'")).isEqualTo(10);
    }

    @Test
    void refusesAMissingContractAnIncompatibleTableAndALossyValue() throws Exception {
        assertThatThrownBy(() -> JdbcSink.builder(dataSource(), "items").primaryKey("id").build())
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("schemaContract");
        Sql.run(dataSource(), "CREATE TABLE items (code BIGINT PRIMARY KEY, name VARCHAR(10), price NUMERIC(6,2), id BIGINT)");
        Sql.run(dataSource(), "ALTER TABLE items DROP COLUMN id");
        assertThatThrownBy(() -> sink(SchemaContract.FREEZE).build().write(connector(5, 5, i -> item(i, "a"), -1)))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("no column 'id'");
        Sql.run(dataSource(), "DROP TABLE items",
                "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(10), price NUMERIC(6,1))");
        assertThatThrownBy(() -> sink(SchemaContract.FREEZE).build().write(connector(5, 5, i -> item(i, "a"), -1)))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("without rounding");
        assertThat(Sql.count(dataSource(), "SELECT COUNT(*) FROM items")).isZero();
    }

    @Test
    void createsTheTableFromAJsonSchemaOrARecordTypeAtBuild() throws Exception {
        SinkSchemaContract.createsFromASchemaOrRecordTypeAtBuild(dataSource());
    }

    @Test
    void refusesUnmappableTypesAndIncompatibleTablesAtBuild() throws Exception {
        SinkSchemaContract.refusesUnmappableTypesAndIncompatibleTablesAtBuild(dataSource());
    }
}
