package dev.inlet.core.record;

/** The validator used when none is configured: one instance, so a connector can recognise it and skip validating. */
final class NoValidation {

    static final RecordValidator INSTANCE = Validation::valid;

    private NoValidation() {
    }
}
