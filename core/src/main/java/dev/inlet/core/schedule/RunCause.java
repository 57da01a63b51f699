package dev.inlet.core.schedule;

/** Why a scheduled job ran. */
public enum RunCause {
    /** Its schedule came due. */
    SCHEDULED,
    /** {@link Scheduler#runNow(String)} asked for it (e.g. on a webhook event). */
    REQUESTED,
    /** Triggers that came while it was running were coalesced into this one run after it. */
    FOLLOW_UP
}
