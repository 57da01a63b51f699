package dev.inlet.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ValueConverterTest {

    private static JsonNode json(String text) {
        return Json.mapper().readTree(text);
    }

    private static final JsonNode ORDER_SCHEMA = json("""
            {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "integer"},
              "email": {"type": ["string", "null"]},
              "total": {"type": "number"},
              "paid": {"type": "boolean"},
              "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}},
              "meta": {}
            }}""");

    @Test
    void byDefaultTheValueIsTheRecordsJsonText() {
        ValueConverter converter = ValueConverter.of(RecordFormat.JSON, "orders", Optional.of(ORDER_SCHEMA));

        SchemaAndValue value = converter.convert(json("{\"id\":1,\"x\":[1,2]}"));

        assertThat(value.schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(value.value()).isEqualTo("{\"id\":1,\"x\":[1,2]}");
    }

    @Test
    void schemalessValuesAreMapsAndLists() {
        SchemaAndValue value = ValueConverter.of(RecordFormat.SCHEMALESS, "orders", Optional.empty())
                .convert(json("{\"id\":1,\"tags\":[\"a\",null],\"ok\":true,\"price\":1.5}"));

        assertThat(value.schema()).isNull();
        assertThat(value.value()).isEqualTo(Map.of("id", 1L, "tags", java.util.Arrays.asList("a", null), "ok", true,
                "price", 1.5));
    }

    @Test
    void aDeclaredJsonSchemaBecomesAStruct() {
        ValueConverter converter = ValueConverter.of(RecordFormat.STRUCT, "orders", Optional.of(ORDER_SCHEMA));

        Struct order = (Struct) converter.convert(json("""
                {"id": 7, "email": null, "total": 12.5, "paid": true, "lines": [{"sku": "A-1", "qty": 2}],
                 "meta": {"source": "web"}, "extra": "dropped"}""")).value();

        Schema schema = converter.schema();
        assertThat(schema.name()).isEqualTo("dev.inlet.stream.orders");
        assertThat(schema.fields()).extracting(f -> f.name())
                .containsExactly("email", "id", "lines", "meta", "paid", "total");
        assertThat(schema.field("id").schema().isOptional()).isFalse();
        assertThat(schema.field("email").schema().isOptional()).isTrue();
        assertThat(order.getInt64("id")).isEqualTo(7L);
        assertThat(order.getString("email")).isNull();
        assertThat(order.getFloat64("total")).isEqualTo(12.5);
        assertThat(order.getBoolean("paid")).isTrue();
        List<Struct> lines = order.getArray("lines");
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.getString("sku")).isEqualTo("A-1"));
        assertThat(order.getString("meta")).isEqualTo("{\"source\":\"web\"}");
        assertThat(schema.field("meta").schema().name()).isEqualTo(ConnectSchemas.JSON_TEXT);
    }

    @Test
    void aRecordThatDoesNotFitSaysWhere() {
        ValueConverter converter = ValueConverter.of(RecordFormat.STRUCT, "orders", Optional.of(ORDER_SCHEMA));

        assertThatThrownBy(() -> converter.convert(json("{\"email\": \"a@b.c\"}")))
                .isInstanceOf(RecordConversionException.class).hasMessageContaining("'/id'")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> converter.convert(json("{\"id\": 1, \"lines\": [{\"sku\": 5}]}")))
                .isInstanceOf(RecordConversionException.class).hasMessageContaining("'/lines/0/sku'")
                .hasMessageContaining("should be a string");
        assertThatThrownBy(() -> converter.convert(json("{\"id\": 1.5}")))
                .hasMessageContaining("integer");
    }

    @Test
    void structWithoutADeclaredSchemaFallsBackToJsonText() {
        SchemaAndValue value = ValueConverter.of(RecordFormat.STRUCT, "orders", Optional.empty())
                .convert(json("{\"id\":1}"));

        assertThat(value.schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(value.value()).isEqualTo("{\"id\":1}");
    }
}
