package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The columns a stream's records need, declared up front: from a JSON Schema ({@code properties} with
 * {@code type} and {@code format}) or from a Java record type. {@link JdbcSink} creates its table from it and,
 * for an existing table, checks at build time that every column can hold its field without loss.
 */
final class TableSchema {

    /** What a field holds, and so which column type it needs. */
    enum Kind {
        INTEGER, DECIMAL, FLOATING, BOOLEAN, TIMESTAMP, DATE, TEXT, JSON;

        String sqlType(Dialect dialect) {
            return switch (this) {
                case INTEGER -> dialect.integerType();
                case DECIMAL -> dialect.decimalType();
                case FLOATING -> dialect.floatingType();
                case BOOLEAN -> dialect.booleanType();
                case TIMESTAMP -> dialect.timestampType();
                case DATE -> "DATE";
                case TEXT, JSON -> dialect.textType();
            };
        }

        /** Whether a column of this JDBC type takes every value of this kind as is (what ValueBinder accepts). */
        boolean fits(Column c) {
            if (TableColumns.isText(c)) {
                return true;
            }
            return switch (this) {
                case INTEGER -> TableColumns.isInteger(c) || TableColumns.isDecimal(c);
                case DECIMAL -> TableColumns.isDecimal(c);
                case FLOATING -> TableColumns.isFloating(c);
                case BOOLEAN -> TableColumns.isBoolean(c);
                case TIMESTAMP -> TableColumns.isTimestamp(c);
                case DATE -> c.type() == Types.DATE;
                case TEXT, JSON -> false;
            };
        }
    }

    private final Map<String, Kind> columns;
    private final String source;

    private TableSchema(Map<String, Kind> columns, String source) {
        this.columns = columns;
        this.source = source;
    }

    /** The fields and their kinds, in declaration order. */
    Map<String, Kind> columns() {
        return columns;
    }

    /** Where the schema came from, for messages. */
    String source() {
        return source;
    }

    /**
     * From a JSON Schema object: each of {@code properties} by its {@code type} (a name, or a list of one name
     * and {@code "null"}) and {@code format} ({@code date-time}, {@code date}).
     *
     * @throws JdbcConfigurationException for a property whose type maps to no single column type
     */
    static TableSchema fromJsonSchema(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            throw new JdbcConfigurationException("the JSON Schema given to the JdbcSink has no \"properties\": the "
                    + "sink makes one column per property; give an object schema with properties");
        }
        Map<String, Kind> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            out.put(p.getKey(), kindOf(p.getKey(), p.getValue()));
        }
        return new TableSchema(out, "the JSON Schema");
    }

    private static Kind kindOf(String field, JsonNode property) {
        List<String> types = new ArrayList<>();
        JsonNode type = property.path("type");
        if (type.isString()) {
            types.add(type.asString());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        }
        types.remove("null");
        if (types.size() != 1) {
            throw new JdbcConfigurationException("JSON Schema property '" + field + "' has type " + (type.isMissingNode()
                    ? "(none)" : type.toString()) + ", which the sink cannot map to one column type: give it exactly "
                    + "one of string, integer, number, boolean, object or array (optionally with \"null\"), or "
                    + "create the table yourself");
        }
        String format = property.path("format").asString("");
        return switch (types.get(0)) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.DECIMAL;
            case "boolean" -> Kind.BOOLEAN;
            case "string" -> format.equals("date-time") ? Kind.TIMESTAMP : format.equals("date") ? Kind.DATE
                    : Kind.TEXT;
            case "object", "array" -> Kind.JSON;
            default -> throw new JdbcConfigurationException("JSON Schema property '" + field + "' has type '"
                    + types.get(0) + "', which is not a JSON Schema type the sink can map; use string, integer, "
                    + "number, boolean, object or array");
        };
    }

    /**
     * From a Java record type: each component by its Java type.
     *
     * @throws JdbcConfigurationException for a component whose type maps to no column type
     */
    static TableSchema fromRecordType(Class<? extends Record> type) {
        Map<String, Kind> out = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            out.put(component.getName(), kindOf(type, component.getName(), component.getGenericType()));
        }
        return new TableSchema(out, "record type " + type.getSimpleName());
    }

    private static Kind kindOf(Class<?> owner, String field, Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == Optional.class) {
                return kindOf(owner, field, p.getActualTypeArguments()[0]);
            }
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                return Kind.JSON;
            }
            type = raw;
        }
        if (type instanceof Class<?> c) {
            if (c == long.class || c == int.class || c == short.class || c == byte.class || c == Long.class
                    || c == Integer.class || c == Short.class || c == Byte.class) {
                return Kind.INTEGER;
            }
            if (c == BigDecimal.class || c == BigInteger.class) {
                return Kind.DECIMAL;
            }
            if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
                return Kind.FLOATING;
            }
            if (c == boolean.class || c == Boolean.class) {
                return Kind.BOOLEAN;
            }
            if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
                return Kind.TIMESTAMP;
            }
            if (c == LocalDate.class) {
                return Kind.DATE;
            }
            if (c == String.class || c == char.class || c == Character.class || c == UUID.class || c.isEnum()) {
                return Kind.TEXT;
            }
            if (c.isRecord() || c.isArray() || Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
                return Kind.JSON;
            }
        }
        throw new JdbcConfigurationException("component '" + field + "' of record " + owner.getName() + " has type "
                + type.getTypeName() + ", which the sink cannot map to a column type (a LocalDateTime has no zone: "
                + "use Instant or OffsetDateTime); change the component's type, or create the table yourself");
    }

    /**
     * Checks an existing table against the schema: the primary key's columns exist, and every field's column
     * (if any) holds its values without loss; a field without a column is left to the schema contract.
     *
     * @throws JdbcConfigurationException naming the first column that does not fit
     */
    void check(String table, TableColumns existing, List<String> primaryKey, SchemaContract contract) {
        for (Map.Entry<String, Kind> field : columns.entrySet()) {
            Optional<Column> column = existing.get(field.getKey());
            if (column.isEmpty()) {
                if (contract == SchemaContract.FREEZE) {
                    throw new JdbcConfigurationException("table " + table + " has no column for field '" + field.getKey()
                            + "' of " + source + " and the schema contract is FREEZE: add the column ("
                            + field.getValue().name().toLowerCase(java.util.Locale.ROOT) + "), or choose EVOLVE or "
                            + "DISCARD");
                }
                continue;
            }
            if (!field.getValue().fits(column.get())) {
                throw new JdbcConfigurationException("table " + table + " exists with column " + column.get().name()
                        + " " + column.get().typeName() + ", which cannot hold field '" + field.getKey() + "' ("
                        + field.getValue().name().toLowerCase(java.util.Locale.ROOT) + " in " + source + ") without "
                        + "loss: alter the column, write to another table, or map the field in a RecordMapper");
            }
        }
        for (String key : primaryKey) {
            if (existing.get(key).isEmpty()) {
                throw new JdbcConfigurationException("table " + table + " exists but has no column '" + key
                        + "' of the primary key " + primaryKey + ": alter the table or write to another one");
            }
        }
    }

    /** The {@code CREATE TABLE} for this schema, the primary key's columns first and NOT NULL. */
    String createTable(Dialect dialect, String table, List<String> primaryKey) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(dialect.quote(table)).append(" (");
        for (String key : primaryKey) {
            if (!columns.containsKey(key)) {
                throw new JdbcConfigurationException("primary key column '" + key + "' is not a field of " + source
                        + ": fix primaryKey(...) or the schema");
            }
        }
        for (Map.Entry<String, Kind> field : columns.entrySet()) {
            sql.append(dialect.quote(field.getKey())).append(' ').append(field.getValue().sqlType(dialect))
                    .append(primaryKey.contains(field.getKey()) ? " NOT NULL" : "").append(", ");
        }
        return sql.append("PRIMARY KEY (").append(String.join(", ", primaryKey.stream().map(dialect::quote).toList()))
                .append("))").toString();
    }
}
