package dev.inlet.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing a real service does wrong, which a {@link FakeApi} does on the requests its
 * {@link FaultPlan} picks. Immutable; build with the static factories.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Answers with the status (and a small JSON error body). */
        STATUS,
        /** Answers 429 with {@code Retry-After} (whole seconds) and {@code X-RateLimit-*} headers. */
        RATE_LIMITED,
        /** Resets the connection (TCP RST) before sending anything. */
        RESET_BEFORE_HEADERS,
        /** Sends the status line and headers, then resets the connection. */
        RESET_AFTER_HEADERS,
        /** Announces the full {@code Content-Length}, sends half the body and closes. */
        TRUNCATED_BODY,
        /** Sends half the body, waits the duration, then the rest. */
        STALL_MID_BODY,
        /** Waits the duration before the first byte, then answers normally. */
        SLOW_FIRST_BYTE,
        /** Answers 200 with an HTML error page instead of JSON. */
        HTML_ERROR_PAGE,
        /** The page repeats the previous page's last record at its start (not on the first page). */
        DUPLICATE_BOUNDARY_RECORD,
        /** The page leaves out its first record (not on the first page). */
        MISSING_BOUNDARY_RECORD
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;

    private Fault(Kind kind, int status, Duration duration) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
    }

    /** Answer with {@code status} (400–599). */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new FakeApiConfigException("Fault.status(" + status + "): not an error status",
                    "use a status from 400 to 599");
        }
        return new Fault(Kind.STATUS, status, Duration.ZERO);
    }

    /** 429 with {@code Retry-After} of {@code retryAfter} rounded up to whole seconds (zero allowed). */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, 429, requireDuration(retryAfter, "rateLimited"));
    }

    /** A connection reset before any byte of the response. */
    public static Fault resetBeforeHeaders() {
        return new Fault(Kind.RESET_BEFORE_HEADERS, 0, Duration.ZERO);
    }

    /** A connection reset right after the response headers. */
    public static Fault resetAfterHeaders() {
        return new Fault(Kind.RESET_AFTER_HEADERS, 0, Duration.ZERO);
    }

    /** Half the announced body, then the connection closes. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, Duration.ZERO);
    }

    /** Half the body, a pause of {@code stall}, then the rest (closing the fake ends the pause). */
    public static Fault stallMidBody(Duration stall) {
        return new Fault(Kind.STALL_MID_BODY, 0, requireDuration(stall, "stallMidBody"));
    }

    /** A pause of {@code delay} before the first byte of the response. */
    public static Fault slowFirstByte(Duration delay) {
        return new Fault(Kind.SLOW_FIRST_BYTE, 0, requireDuration(delay, "slowFirstByte"));
    }

    /** 200 with an HTML error page, as a proxy or a misconfigured gateway sends. */
    public static Fault htmlErrorPage() {
        return new Fault(Kind.HTML_ERROR_PAGE, 200, Duration.ZERO);
    }

    /** The previous page's last record again at the start of this page (eventual consistency). */
    public static Fault duplicateBoundaryRecord() {
        return new Fault(Kind.DUPLICATE_BOUNDARY_RECORD, 0, Duration.ZERO);
    }

    /** This page's first record left out (a record that moved between pages). */
    public static Fault missingBoundaryRecord() {
        return new Fault(Kind.MISSING_BOUNDARY_RECORD, 0, Duration.ZERO);
    }

    private static Duration requireDuration(Duration d, String where) {
        if (d == null || d.isNegative()) {
            throw new FakeApiConfigException("Fault." + where + ": the duration is " + d,
                    "pass a duration of zero or more");
        }
        return d;
    }

    /** What the fault does. */
    public Kind kind() {
        return kind;
    }

    /** The status it answers with, or 0 when it answers with the normal status or none. */
    public int status() {
        return status;
    }

    /** The pause or {@code Retry-After} of the fault; zero for the others. */
    public Duration duration() {
        return duration;
    }

    /** Short and stable, e.g. {@code STATUS(503)}, {@code STALL_MID_BODY(PT0.2S)}, {@code RESET_BEFORE_HEADERS}. */
    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "STATUS(" + status + ")";
            case RATE_LIMITED, STALL_MID_BODY, SLOW_FIRST_BYTE -> kind + "(" + duration + ")";
            default -> kind.name();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && f.kind == kind && f.status == status && f.duration.equals(duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, duration);
    }
}
