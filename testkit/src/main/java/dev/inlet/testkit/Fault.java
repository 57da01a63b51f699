package dev.inlet.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a real service does wrong, which a {@link FakeApi} does on the requests its
 * {@link FaultPlan} picks. Immutable; build with the static factories.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Answers with the status (and a small JSON error body), with {@code Retry-After} if it has a duration. */
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
        MISSING_BOUNDARY_RECORD,
        /** Answers 200 with the caller's JSON body: an error reported inside a success. */
        ERROR_IN_BODY,
        /** Answers 429 with a {@code Date} and a {@code Retry-After} that are HTTP dates. */
        RATE_LIMITED_UNTIL,
        /** Answers 200 with the page's JSON cut inside its last record, {@code Content-Length} of the cut. */
        CUT_JSON,
        /** Closes the connection (FIN) without sending a byte. */
        CLOSE_BEFORE_HEADERS,
        /** Sends bytes that are not HTTP, then closes. */
        GARBAGE_THEN_CLOSE,
        /** Sends a chunked head, then a chunk that is not one, and closes. */
        MALFORMED_CHUNK
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final String body;

    private Fault(Kind kind, int status, Duration duration) {
        this(kind, status, duration, null);
    }

    private Fault(Kind kind, int status, Duration duration, String body) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.body = body;
    }

    /** Answer with {@code status} (400–599). */
    public static Fault status(int status) {
        return status(status, Duration.ZERO);
    }

    /**
     * Answer with {@code status} (400–599) and {@code Retry-After} of {@code retryAfter} rounded up
     * to whole seconds, as a service in maintenance sends with a 503; zero sends no {@code Retry-After}.
     */
    public static Fault status(int status, Duration retryAfter) {
        if (status < 400 || status > 599) {
            throw new FakeApiConfigException("Fault.status(" + status + "): not an error status",
                    "use a status from 400 to 599");
        }
        return new Fault(Kind.STATUS, status, requireDuration(retryAfter, "status"));
    }

    /**
     * 200 with {@code json} as the whole body instead of the page: an error reported inside a
     * success, as Slack's {@code {"ok":false,"error":"ratelimited"}} is. Test a body classifier with it.
     */
    public static Fault errorInBody(String json) {
        if (json == null || json.isBlank()) {
            throw new FakeApiConfigException("Fault.errorInBody: the body is empty",
                    "pass the JSON the service sends, e.g. {\"ok\":false,\"error\":\"ratelimited\"}");
        }
        return new Fault(Kind.ERROR_IN_BODY, 200, Duration.ZERO, json);
    }

    /**
     * 429 with {@code Retry-After} as an HTTP date {@code wait} after the {@code Date} header sent
     * with it (both from the fake's clock, to the second): a client must measure the wait against
     * the server's {@code Date}, not its own clock.
     */
    public static Fault rateLimitedUntil(Duration wait) {
        return new Fault(Kind.RATE_LIMITED_UNTIL, 429, requireDuration(wait, "rateLimitedUntil"));
    }

    /**
     * 200 with the page's JSON cut just before the closing brace of its last record (in half when
     * the page has none), its {@code Content-Length} that of the cut body: a whole HTTP response whose
     * JSON breaks off, so the records before the cut arrive and then decoding fails.
     */
    public static Fault cutJson() {
        return new Fault(Kind.CUT_JSON, 0, Duration.ZERO);
    }

    /** The connection closed (FIN, not a reset) before any byte of the response. */
    public static Fault closeBeforeHeaders() {
        return new Fault(Kind.CLOSE_BEFORE_HEADERS, 0, Duration.ZERO);
    }

    /** Bytes that are not HTTP (the same ones every time), then the connection closes. */
    public static Fault garbageThenClose() {
        return new Fault(Kind.GARBAGE_THEN_CLOSE, 0, Duration.ZERO);
    }

    /** A 200 head with {@code Transfer-Encoding: chunked}, then a chunk size that is not hex, then close. */
    public static Fault malformedChunk() {
        return new Fault(Kind.MALFORMED_CHUNK, 0, Duration.ZERO);
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

    /** The body of {@link Kind#ERROR_IN_BODY}; empty for the others. */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /**
     * Short and stable, e.g. {@code STATUS(503)}, {@code STATUS(503,PT1S)}, {@code STALL_MID_BODY(PT0.2S)},
     * {@code RESET_BEFORE_HEADERS}; never the body of {@link Kind#ERROR_IN_BODY}.
     */
    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "STATUS(" + status + (duration.isZero() ? "" : "," + duration) + ")";
            case RATE_LIMITED, RATE_LIMITED_UNTIL, STALL_MID_BODY, SLOW_FIRST_BYTE -> kind + "(" + duration + ")";
            default -> kind.name();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && f.kind == kind && f.status == status && f.duration.equals(duration)
                && Objects.equals(f.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, duration, body);
    }
}
