package dev.inlet.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened during a run, as a {@link RunTimeline} recorded it.
 *
 * @param at when the listener saw it (the timeline's clock)
 * @param connector the connector's name ({@code ""} outside a connector)
 * @param kind what happened
 * @param count records for a page, records quarantined from a page, the failed attempt for a retry,
 *     attempts for a failed call, records seen for a finished run; 0 otherwise
 * @param duration how long the page took, or how long the retry or rate limit waits; zero otherwise
 * @param detail a short description: the reason of a retry or wait, a warning's message, a failed
 *     call's exception (URLs and messages come from the pipeline with secrets masked)
 */
public record TimelineEvent(Instant at, String connector, Kind kind, long count, Duration duration, String detail) {

    /** Checks that nothing is null. */
    public TimelineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(detail, "detail");
    }

    /** What a timeline event is. */
    public enum Kind {
        /** A page was read to its end. */
        PAGE("page"),
        /** Records of a page were rejected (quarantined, skipped or failed, as the connector's policy says). */
        QUARANTINE("quarantine"),
        /** An attempt failed and another follows after a wait. */
        RETRY("retry"),
        /** A rate limit or a server budget made a request wait. */
        RATE_LIMIT("rate-limit wait"),
        /** A call gave up. */
        CALL_FAILED("call failed"),
        /** The run went on past something a person should look at. */
        WARNING("warning"),
        /** The run ended, completed or not. */
        RUN_DONE("run done");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The word the report uses for it. */
        public String label() {
            return label;
        }
    }
}
