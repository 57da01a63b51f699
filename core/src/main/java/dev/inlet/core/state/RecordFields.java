package dev.inlet.core.state;

import dev.inlet.core.Json;
import java.util.function.Function;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** Reads a field of a record by JSON Pointer: records that are not trees are converted first. */
final class RecordFields {

    private RecordFields() {
    }

    static JsonPointer compile(String pointer, String what) {
        if (pointer == null || pointer.isEmpty() || pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("the " + what + " must be a JSON Pointer to a field, like \"/id\"; got "
                    + (pointer == null ? "null" : "\"" + pointer + "\""));
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " \"" + pointer + "\" is not a JSON Pointer: "
                    + e.getMessage(), e);
        }
    }

    /** The field's node in the record (missing node if absent). */
    static JsonNode at(Object record, JsonPointer pointer) {
        JsonNode tree = record instanceof JsonNode node ? node : Json.mapper().valueToTree(record);
        return tree == null ? Json.mapper().missingNode() : tree.at(pointer);
    }

    /** A key function over a pointer: scalar values as text, null for missing, null or container values. */
    static <T> Function<T, String> scalar(JsonPointer pointer) {
        return record -> {
            JsonNode value = at(record, pointer);
            return value.isValueNode() && !value.isNull() ? value.asString() : null;
        };
    }
}
