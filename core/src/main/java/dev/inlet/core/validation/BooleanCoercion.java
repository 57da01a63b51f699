package dev.inlet.core.validation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * The strings {@code "true"} and {@code "false"} (exactly, lower case) become booleans; a boolean is
 * left as it is. Nothing else is guessed: {@code "yes"}, {@code "1"} and {@code 1} are refused.
 */
final class BooleanCoercion implements FieldCoercion {

    static final BooleanCoercion INSTANCE = new BooleanCoercion();

    private BooleanCoercion() {
    }

    @Override
    public JsonNode apply(JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString()) {
            String text = value.stringValue();
            if ("true".equals(text)) {
                return BooleanNode.TRUE;
            }
            if ("false".equals(text)) {
                return BooleanNode.FALSE;
            }
        }
        return null;
    }

    @Override
    public String expected() {
        return "a boolean (true, false, \"true\" or \"false\")";
    }
}
