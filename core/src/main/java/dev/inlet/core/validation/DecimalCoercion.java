package dev.inlet.core.validation;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DecimalNode;

/**
 * A numeric string becomes an exact decimal ({@code "12.50"} → {@code 12.50}, scale kept), parsed
 * straight into {@link BigDecimal}: never through {@code double}, so money stays exact. A value that
 * is already a number is left as it is.
 */
final class DecimalCoercion implements FieldCoercion {

    static final DecimalCoercion INSTANCE = new DecimalCoercion();

    /** Longer numeric strings are refused, as Jackson refuses such numbers in a document. */
    private static final int MAX_LENGTH = 1000;
    /**
     * Exponents beyond this are refused: {@code "1e999999999"} parses cheaply but makes every later
     * {@code toPlainString} or arithmetic on it enormous, and no real amount needs it.
     */
    private static final int MAX_SCALE = 10_000;

    private DecimalCoercion() {
    }

    @Override
    public JsonNode apply(JsonNode value) {
        if (value.isNumber()) {
            return Numbers.isFinite(value) ? value : null;
        }
        if (!value.isString()) {
            return null;
        }
        BigDecimal decimal = parse(value.stringValue());
        return decimal == null ? null : DecimalNode.valueOf(decimal);
    }

    @Override
    public String expected() {
        return "a decimal number";
    }

    /** The exact value of a numeric string, or null if it is not one. */
    static BigDecimal parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        // Screen the characters first: "N/A", "" and "12 USD" are common and should not cost an exception.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null;
            }
        }
        try {
            BigDecimal decimal = new BigDecimal(text);
            return Math.abs(decimal.scale()) > MAX_SCALE ? null : decimal;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
