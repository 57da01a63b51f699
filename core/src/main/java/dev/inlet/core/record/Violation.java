package dev.inlet.core.record;

import java.util.Objects;

/**
 * One reason a record is invalid.
 *
 * @param pointer where in the record, as a JSON Pointer ({@code ""} for the whole record)
 * @param rule the rule that failed, a short stable name used for counting ({@code required},
 *     {@code type}, {@code schema:minimum}, {@code mapping} …)
 * @param message a readable explanation
 */
public record Violation(String pointer, String rule, String message) {

    /** Checks that nothing is null. */
    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(record)" : pointer) + ": " + message + " [" + rule + "]";
    }
}
