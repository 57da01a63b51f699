package dev.inlet.declarative.replica;

import dev.inlet.declarative.internal.IncrementalSpec;
import dev.inlet.declarative.internal.StreamSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records a replica serves for one stream: each has a unique primary key, a cursor field that grows,
 * and a value of the declared JSON type for every field the stream's schema or rules declare, so that
 * validation keeps them all (a record the stream skipped would show as missing, not pass unseen).
 */
final class Seed {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Seed() {
    }

    /** {@code count} records for the stream, keyed by its primary key (or {@code /id} when it declares none). */
    static List<JsonNode> records(StreamSpec stream, int count) {
        Map<String, String> fields = stream.validation() == null ? Map.of() : stream.validation().fields();
        String key = key(stream);
        List<JsonNode> records = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            ObjectNode record = NODES.objectNode();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                put(record, field.getKey(), value(field.getValue(), i));
            }
            IncrementalSpec inc = stream.incremental();
            if (inc != null) {
                Instant at = base.plusSeconds(3_600L * i);
                JsonNode cursor = switch (inc.format()) {
                    case EPOCH_SECONDS -> NODES.numberNode(at.getEpochSecond());
                    case EPOCH_MILLIS -> NODES.numberNode(at.toEpochMilli());
                    default -> NODES.stringNode(at.toString());
                };
                put(record, inc.cursorField(), cursor);
            }
            boolean numericKey = "integer".equals(fields.get(key)) || "number".equals(fields.get(key));
            put(record, key, numericKey ? NODES.numberNode(1000 + i) : NODES.stringNode("rec-" + i));
            records.add(record);
        }
        return records;
    }

    /** The pointer that identifies a record. */
    static String key(StreamSpec stream) {
        return stream.primaryKey() == null ? "/id" : stream.primaryKey();
    }

    private static JsonNode value(String type, int i) {
        return switch (type) {
            case "integer" -> NODES.numberNode(i);
            case "number" -> NODES.numberNode(i + 0.5);
            case "boolean" -> NODES.booleanNode(i % 2 == 0);
            case "object" -> NODES.objectNode();
            case "array" -> NODES.arrayNode();
            // A date-time reads as a string for any string field, and satisfies date_time rules.
            default -> NODES.stringNode("2026-01-0" + (1 + i % 9) + "T00:00:00Z");
        };
    }

    /** Sets the value at a JSON Pointer, creating the objects on the way (replacing a non-object there). */
    static void put(ObjectNode root, String pointer, JsonNode value) {
        String[] tokens = pointer.substring(1).split("/", -1);
        ObjectNode at = root;
        for (int t = 0; t < tokens.length - 1; t++) {
            String name = unescape(tokens[t]);
            JsonNode next = at.get(name);
            if (!(next instanceof ObjectNode)) {
                next = NODES.objectNode();
                at.set(name, next);
            }
            at = (ObjectNode) next;
        }
        at.set(unescape(tokens[tokens.length - 1]), value);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
