package dev.inlet.core;

import dev.inlet.core.record.RecordValidator;

/** Shared default values for connectors. */
final class ConnectorDefaults {

    /** The validator used when none is configured; recognised so the hot path can skip it. */
    static final RecordValidator NO_VALIDATION = RecordValidator.none();

    /** How many rejections a run report keeps in full. */
    static final int REPORTED_REJECTIONS = 20;

    private ConnectorDefaults() {
    }
}
