package dev.inlet.core.record;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks (and may normalise) one raw record before it is mapped and delivered. Implementations
 * (JSON Schema, fluent rules) live in {@code dev.inlet.core.validation}; they must be thread-safe and
 * must report every problem as a {@link Violation}, never throw for bad data.
 */
@FunctionalInterface
public interface RecordValidator {

    /** Checks one record. */
    Validation validate(JsonNode record);

    /** A validator that accepts everything unchanged. */
    static RecordValidator none() {
        return NoValidation.INSTANCE;
    }

    /**
     * This validator, then the next one on this one's output; violations of both are reported.
     */
    default RecordValidator andThen(RecordValidator next) {
        return record -> {
            Validation first = validate(record);
            Validation second = next.validate(first.record());
            if (first.isValid()) {
                return second;
            }
            List<Violation> all = new ArrayList<>(first.violations());
            all.addAll(second.violations());
            return new Validation(second.record(), all);
        };
    }
}
