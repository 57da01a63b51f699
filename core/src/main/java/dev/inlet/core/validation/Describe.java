package dev.inlet.core.validation;

import tools.jackson.databind.JsonNode;

/**
 * Short descriptions of values for violation messages. Messages end up in exceptions and logs, so
 * they show a value only where it helps and is unlikely to be personal data (codes, numbers,
 * timestamps), and cut it short; the full record is in the rejection.
 */
final class Describe {

    private static final int MAX_SHOWN = 40;

    private Describe() {
    }

    /** "a string", "a number", "null" …: the JSON type of a value. */
    static String type(JsonNode value) {
        if (value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The value as short JSON text: {@code "paid"}, {@code 12.5}, {@code an object}. */
    static String value(JsonNode value) {
        if (value.isContainer() || value.isMissingNode()) {
            return type(value);
        }
        String text = value.isString() ? '"' + value.stringValue() + '"' : value.toString();
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) + "..." : text;
    }
}
