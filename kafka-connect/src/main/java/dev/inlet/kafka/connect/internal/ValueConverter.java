package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal</b>: turns a stream's JSON records into Connect values in the configured
 * {@link RecordFormat}. Thread-safe.
 */
public final class ValueConverter {

    private final RecordFormat format;
    private final Schema schema;

    private ValueConverter(RecordFormat format, Schema schema) {
        this.format = format;
        this.schema = schema;
    }

    /**
     * The converter of a stream.
     *
     * @param jsonSchema the stream's JSON Schema, if declared (used only by {@link RecordFormat#STRUCT})
     */
    public static ValueConverter of(RecordFormat format, String stream, Optional<JsonNode> jsonSchema) {
        if (format == RecordFormat.STRUCT && jsonSchema.isPresent()) {
            Schema derived = ConnectSchemas.derive(jsonSchema.get(), "dev.inlet.stream." + stream);
            if (derived.type() == Schema.Type.STRUCT) {
                return new ValueConverter(RecordFormat.STRUCT, derived);
            }
        }
        return format == RecordFormat.SCHEMALESS ? new ValueConverter(format, null)
                : new ValueConverter(RecordFormat.JSON, Schema.STRING_SCHEMA);
    }

    /** The schema of the values ({@code null} when schemaless). */
    public Schema schema() {
        return schema;
    }

    /**
     * The Connect value of a record.
     *
     * @throws RecordConversionException if the record does not fit the stream's schema, with the JSON
     *     Pointer of the value that does not
     */
    public SchemaAndValue convert(JsonNode record) {
        return switch (format) {
            case JSON -> new SchemaAndValue(schema, Json.mapper().writeValueAsString(record));
            case SCHEMALESS -> new SchemaAndValue(null, plain(record));
            case STRUCT -> new SchemaAndValue(schema, typed(schema, record, ""));
        };
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node.values()) {
                list.add(plain(element));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            // A double when it holds the number exactly; otherwise the exact decimal text, never a rounded value.
            double asDouble = node.doubleValue();
            boolean exact = Double.isFinite(asDouble)
                    && new java.math.BigDecimal(Double.toString(asDouble)).compareTo(node.decimalValue()) == 0;
            return exact ? asDouble : node.decimalValue().toString();
        }
        return node.isString() ? node.stringValue() : Json.mapper().writeValueAsString(node);
    }

    private static Object typed(Schema schema, JsonNode node, String pointer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (schema.isOptional()) {
                return null;
            }
            throw new RecordConversionException(pointer, "is required by the stream's schema but missing or null");
        }
        if (ConnectSchemas.JSON_TEXT.equals(schema.name())) {
            return node.isString() ? node.stringValue() : Json.mapper().writeValueAsString(node);
        }
        switch (schema.type()) {
            case STRUCT -> {
                if (!node.isObject()) {
                    throw new RecordConversionException(pointer, "should be an object, was " + node.getNodeType());
                }
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, typed(field.schema(), node.get(field.name()),
                            pointer + "/" + field.name().replace("~", "~0").replace("/", "~1")));
                }
                return struct;
            }
            case ARRAY -> {
                if (!node.isArray()) {
                    throw new RecordConversionException(pointer, "should be an array, was " + node.getNodeType());
                }
                List<Object> list = new ArrayList<>();
                int i = 0;
                for (JsonNode element : node.values()) {
                    list.add(typed(schema.valueSchema(), element, pointer + "/" + i++));
                }
                return list;
            }
            case STRING -> {
                if (!node.isString()) {
                    throw new RecordConversionException(pointer, "should be a string, was " + node.getNodeType());
                }
                return node.stringValue();
            }
            case INT64 -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new RecordConversionException(pointer, "should be an integer within 64 bits, was "
                            + node.getNodeType());
                }
                return node.longValue();
            }
            case FLOAT64 -> {
                if (!node.isNumber()) {
                    throw new RecordConversionException(pointer, "should be a number, was " + node.getNodeType());
                }
                return node.doubleValue();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw new RecordConversionException(pointer, "should be a boolean, was " + node.getNodeType());
                }
                return node.booleanValue();
            }
            default -> throw new IllegalStateException("no conversion to " + schema.type());
        }
    }
}
