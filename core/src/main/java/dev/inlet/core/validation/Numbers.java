package dev.inlet.core.validation;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** Exact number handling for rules and coercions: values are compared as {@link BigDecimal}, never double. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Whether a number node has a finite value. Parsed JSON never holds NaN or infinity, but a tree built
     * by hand (or by a lenient parser) may, and {@link JsonNode#decimalValue()} cannot represent them.
     */
    static boolean isFinite(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            return Double.isFinite(number.doubleValue());
        }
        return true;
    }

    /** The exact value of a finite number node. */
    static BigDecimal exact(JsonNode number) {
        return number.decimalValue();
    }

    /** Whether the value is a number with no fractional part. */
    static boolean isIntegral(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        if (value.isIntegralNumber()) {
            return true;
        }
        if (!isFinite(value)) {
            return false;
        }
        BigDecimal decimal = value.decimalValue();
        // signum()==0 first: stripTrailingZeros of 0.000 keeps a positive scale on old JDKs.
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }
}
