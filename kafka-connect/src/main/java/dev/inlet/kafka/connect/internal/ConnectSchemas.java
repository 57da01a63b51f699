package dev.inlet.kafka.connect.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal</b>: Connect schemas derived from JSON Schemas.
 *
 * <p>{@code object} with {@code properties} → {@code Struct} (fields in name order, optional unless
 * {@code required}); {@code array} with {@code items} → array; {@code string} → string;
 * {@code integer} → int64; {@code number} → float64; {@code boolean} → boolean; a type list with
 * {@code "null"} → optional. Anything else (no type, {@code anyOf}, objects without properties)
 * becomes a string holding the value's JSON text (schema name {@link #JSON_TEXT}), so no value is lost.
 * Properties a record has beyond the schema are not carried into the {@code Struct}.
 */
public final class ConnectSchemas {

    /** The name of string schemas that hold JSON text. */
    public static final String JSON_TEXT = "dev.inlet.JsonText";

    private ConnectSchemas() {
    }

    /** The Connect schema of a JSON Schema, required at the top level. */
    public static Schema derive(JsonNode jsonSchema, String name) {
        SchemaBuilder builder = builder(jsonSchema, name);
        return builder.build();
    }

    private static SchemaBuilder builder(JsonNode node, String name) {
        Set<String> types = new HashSet<>();
        JsonNode type = node.get("type");
        if (type != null && type.isString()) {
            types.add(type.stringValue());
        } else if (type != null && type.isArray()) {
            type.values().forEach(t -> types.add(t.asString()));
        }
        boolean nullable = types.remove("null");
        SchemaBuilder builder;
        if (types.size() != 1) {
            builder = SchemaBuilder.string().name(JSON_TEXT);
        } else {
            builder = switch (types.iterator().next()) {
                case "object" -> struct(node, name);
                case "array" -> node.path("items").isObject()
                        ? SchemaBuilder.array(optional(builder(node.get("items"), null)).build())
                        : SchemaBuilder.string().name(JSON_TEXT);
                case "string" -> SchemaBuilder.string();
                case "integer" -> SchemaBuilder.int64();
                case "number" -> SchemaBuilder.float64();
                case "boolean" -> SchemaBuilder.bool();
                default -> SchemaBuilder.string().name(JSON_TEXT);
            };
        }
        return nullable ? optional(builder) : builder;
    }

    private static SchemaBuilder struct(JsonNode node, String name) {
        JsonNode properties = node.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return SchemaBuilder.string().name(JSON_TEXT);
        }
        Set<String> required = new HashSet<>();
        node.path("required").values().forEach(r -> required.add(r.asString()));
        SchemaBuilder struct = SchemaBuilder.struct();
        if (name != null) {
            struct.name(name);
        }
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        properties.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((field, schema) -> {
            SchemaBuilder fieldSchema = schema.isObject() ? builder(schema, null) : SchemaBuilder.string().name(JSON_TEXT);
            struct.field(field, (required.contains(field) ? fieldSchema : optional(fieldSchema)).build());
        });
        return struct;
    }

    private static SchemaBuilder optional(SchemaBuilder builder) {
        return builder.isOptional() ? builder : builder.optional();
    }
}
