package dev.inlet.core.error;

import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.record.Rejection;

/** A record failed validation or mapping under {@link InvalidRecordPolicy#FAIL}. */
public class InvalidRecordException extends InletException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    /** An exception for the rejected record. */
    public InvalidRecordException(Rejection rejection) {
        super("Invalid " + rejection.describe(),
                "Fix the source data, relax the rules, or choose InvalidRecordPolicy.SKIP or QUARANTINE", null);
        this.rejection = rejection;
    }

    /** The rejected record and its reasons. */
    public Rejection rejection() {
        return rejection;
    }
}
