package dev.inlet.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last (cursor, key) pair a page read, as the page token of a {@code Position} and back to typed
 * parameters: each value keeps its kind (instant, local timestamp, integer, decimal, text) so the next
 * page's {@code WHERE (c, k) > (?, ?)} compares like with like.
 */
final class KeysetKey {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeysetKey() {
    }

    /** The token for the last row read: its cursor and key values as read by {@link RowReader}. */
    public static String token(JsonNode cursor, String cursorKind, JsonNode key, String keyKind) {
        ObjectNode node = JSON.createObjectNode();
        node.set("c", cursor);
        node.put("ct", cursorKind);
        node.set("k", key);
        node.put("kt", keyKind);
        return JSON.writeValueAsString(node);
    }

    /** The kind of a value read from a column, for {@link #token}: "instant", "local", "long", "decimal", "text". */
    public static String kindOf(JsonNode value, String typeName) {
        if (value.isIntegralNumber()) {
            return "long";
        }
        if (value.isNumber()) {
            return "decimal";
        }
        String name = typeName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("timestamptz") || name.contains("with time zone")) {
            return "instant";
        }
        if (name.contains("timestamp")) {
            return "local";
        }
        return "text";
    }

    /** The parsed token: [cursor, key] as JDBC parameters. */
    public static Object[] parameters(String token) {
        JsonNode node;
        try {
            node = JSON.readTree(token);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SqlSource position token: " + e.getMessage(), e);
        }
        if (!node.has("c") || !node.has("k")) {
            throw new IllegalArgumentException("not a SqlSource position token (no \"c\" and \"k\")");
        }
        return new Object[] {value(node.get("c"), node.path("ct").asString()), value(node.get("k"),
                node.path("kt").asString())};
    }

    /** A value of one kind as a JDBC parameter. */
    public static Object value(JsonNode v, String kind) {
        return switch (kind) {
            case "instant" -> OffsetDateTime.ofInstant(Instant.parse(v.asString()), ZoneOffset.UTC);
            case "local" -> LocalDateTime.parse(v.asString());
            case "long" -> v.asLong();
            case "decimal" -> new BigDecimal(v.asString());
            default -> v.asString();
        };
    }

    /** Binds the parameters from index {@code first}. */
    public static void bind(PreparedStatement ps, int first, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(first + i, values[i]);
        }
    }
}
