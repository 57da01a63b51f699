package dev.inlet.core.record;

import dev.inlet.core.RunReport;
import dev.inlet.core.error.InvalidRecordException;

/** What a connector does with a record that fails validation or mapping. */
public enum InvalidRecordPolicy {
    /** Stop at the first invalid record with an {@link InvalidRecordException} naming it. The default. */
    FAIL,
    /** Leave it out and go on; it is counted in the {@link RunReport}. */
    SKIP,
    /** Leave it out, hand it with all its reasons to the {@link QuarantineSink}, and go on. */
    QUARANTINE
}
