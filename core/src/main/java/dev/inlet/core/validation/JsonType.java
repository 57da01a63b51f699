package dev.inlet.core.validation;

import tools.jackson.databind.JsonNode;

/** The JSON type a field must have, for {@link Rules.Builder#type(String, JsonType)}. */
public enum JsonType {
    /** A JSON string. */
    STRING("a string"),
    /** Any JSON number, integral or not. */
    NUMBER("a number"),
    /** A JSON number with no fractional part ({@code 3} and {@code 3.00}, not {@code 3.5}), as in JSON Schema. */
    INTEGER("an integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("a boolean"),
    /** A JSON object. */
    OBJECT("an object"),
    /** A JSON array. */
    ARRAY("an array");

    private final String description;

    JsonType(String description) {
        this.description = description;
    }

    /** Whether the (present, non-null) value has this type. */
    boolean matches(JsonNode value) {
        return switch (this) {
            case STRING -> value.isString();
            case NUMBER -> value.isNumber() && Numbers.isFinite(value);
            case INTEGER -> Numbers.isIntegral(value);
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
        };
    }

    /** "a string", "an integer" …, for messages. */
    String description() {
        return description;
    }
}
