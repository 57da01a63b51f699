package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Table creation from a JSON Schema or record type, and build-time checks of an existing table (used by the sink contract). */
final class SinkSchemaContract {

    /** A record type the sink maps. */
    record Item(long id, String name, BigDecimal price, Instant seen_at, List<String> tags) {
    }

    /** A record type with a component the sink cannot map. */
    record Local(long id, LocalDateTime at) {
    }

    static final JsonNode SCHEMA = Json.mapper().readTree("""
            {"type": "object", "properties": {
              "id": {"type": "integer"}, "name": {"type": ["string", "null"]}, "price": {"type": "number"},
              "seen_at": {"type": "string", "format": "date-time"}, "tags": {"type": "array"}}}""");

    private SinkSchemaContract() {
    }

    static void createsFromASchemaOrRecordTypeAtBuild(DataSource ds) throws Exception {
        for (boolean fromRecord : new boolean[] {false, true}) {
            Sql.run(ds, "DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS inlet_state");
            JdbcSink.Builder builder = JdbcSink.builder(ds, "items").primaryKey("id").createTable(true)
                    .schemaContract(SchemaContract.FREEZE);
            JdbcSink sink = (fromRecord ? builder.recordType(Item.class) : builder.schema(SCHEMA)).build();
            assertThat(Sql.count(ds, "SELECT COUNT(*) FROM items")).isZero(); // created by build, before any page
            sink.write(Connector.builder("items", new ListSource(3, 2, i -> {
                ObjectNode n = JdbcSinkContract.item(i, "n" + i);
                n.put("seen_at", "2026-01-0" + (i + 1) + "T10:00:00Z");
                n.putArray("tags").add("a").add("b");
                return n;
            }, -1)).build());
            assertThat(Sql.column(ds, "SELECT price FROM items WHERE id = 2")).singleElement()
                    .satisfies(v -> assertThat(new BigDecimal(v)).isEqualByComparingTo("2.25"));
            assertThat(Sql.count(ds, "SELECT COUNT(*) FROM items WHERE seen_at = TIMESTAMPTZ '2026-01-02 10:00:00+00'"))
                    .isEqualTo(1);
            assertThat(Sql.column(ds, "SELECT tags FROM items WHERE id = 0")).containsExactly("[\"a\",\"b\"]");
        }
    }

    static void refusesUnmappableTypesAndIncompatibleTablesAtBuild(DataSource ds) throws Exception {
        Sql.run(ds, "DROP TABLE IF EXISTS items");
        assertThatThrownBy(() -> JdbcSink.builder(ds, "items").recordType(Local.class))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("'at'")
                .hasMessageContaining("LocalDateTime");
        assertThatThrownBy(() -> JdbcSink.builder(ds, "items").schema(Json.mapper().readTree(
                "{\"properties\": {\"id\": {\"type\": \"integer\"}, \"v\": {\"type\": [\"string\", \"integer\"]}}}")))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("'v'")
                .hasMessageContaining("one column type");
        assertThatThrownBy(() -> JdbcSink.builder(ds, "items").primaryKey("id").schemaContract(SchemaContract.EVOLVE)
                .build()).isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("createTable(true)");
        Sql.run(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, name BIGINT, price NUMERIC(10,2))");
        assertThatThrownBy(() -> JdbcSink.builder(ds, "items").primaryKey("id").schemaContract(SchemaContract.EVOLVE)
                .schema(SCHEMA).build()).isInstanceOf(JdbcConfigurationException.class)
                .hasMessageContaining("column name").hasMessageContaining("cannot hold field 'name'");
        Sql.run(ds, "DROP TABLE items", "CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10,2))");
        assertThatThrownBy(() -> JdbcSink.builder(ds, "items").primaryKey("id").schemaContract(SchemaContract.FREEZE)
                .schema(SCHEMA).build()).isInstanceOf(JdbcConfigurationException.class)
                .hasMessageContaining("no column for field 'seen_at'").hasMessageContaining("FREEZE");
        // the same table is fine when new fields may be added
        assertThat(JdbcSink.builder(ds, "items").primaryKey("id").schemaContract(SchemaContract.EVOLVE).schema(SCHEMA)
                .build()).isNotNull();
    }
}
