package dev.inlet.core.record;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of checking one record: the record as it should be delivered (defaults filled,
 * coercions applied) and the violations found, if any.
 *
 * @param record the record to deliver when valid (may be a changed copy of the input)
 * @param violations the reasons the record is invalid; empty when valid
 */
public record Validation(JsonNode record, List<Violation> violations) {

    /** Copies the list; checks that nothing is null. */
    public Validation {
        Objects.requireNonNull(record, "record");
        violations = List.copyOf(violations);
    }

    /** A valid record. */
    public static Validation valid(JsonNode record) {
        return new Validation(record, List.of());
    }

    /** An invalid record. */
    public static Validation invalid(JsonNode record, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid record needs at least one violation");
        }
        return new Validation(record, violations);
    }

    /** Whether the record has no violations. */
    public boolean isValid() {
        return violations.isEmpty();
    }
}
