package dev.inlet.core.state;

import dev.inlet.core.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JsonPointer;

/**
 * Reads each record's incremental cursor and keeps the greatest delivered one — unless it lies
 * further in the future than the tolerance: stored, such a value (a sentinel like {@code 9999-12-31},
 * a skewed clock) would make every later run ask for records after it and freeze the sync. One run;
 * not thread-safe.
 */
final class CursorTracker<T> {

    private final String connector;
    private final String pointerText;
    private final JsonPointer pointer;
    private final CursorFormat format;
    private final Clock clock;
    private final Duration tolerance;
    private Instant max;

    CursorTracker(String connector, String pointerText, JsonPointer pointer, CursorFormat format, Optional<String> start,
            Clock clock, Duration tolerance) {
        this.connector = connector;
        this.pointerText = pointerText;
        this.pointer = pointer;
        this.format = format;
        this.clock = clock;
        this.tolerance = tolerance;
        this.max = start.flatMap(format::parse).orElse(null);
    }

    String pointer() {
        return pointerText;
    }

    Duration tolerance() {
        return tolerance;
    }

    /** How far the value lies beyond now plus the tolerance; empty if it may be stored. */
    Optional<Duration> beyondTolerance(Instant value) {
        Instant now = clock.instant();
        return value.isAfter(now.plus(tolerance)) ? Optional.of(Duration.between(now, value)) : Optional.empty();
    }

    Instant read(T record, Position at, int index) {
        return format.read(RecordFields.at(record, pointer)).orElseThrow(() -> new SyncException("Record " + index
                + " of " + at.describe() + " of '" + connector + "' has no readable cursor at " + pointerText
                + " (expected " + format + "; found " + RecordFields.at(record, pointer) + ")",
                "Check the cursor field and its format (CursorFormat." + format.name() + ")"));
    }

    String format(Instant value) {
        return format.format(value);
    }

    /** Counts a delivered record's cursor; false (and not kept) if it lies beyond now plus the tolerance. */
    boolean delivered(Instant value) {
        if (beyondTolerance(value).isPresent()) {
            return false;
        }
        if (max == null || value.isAfter(max)) {
            max = value;
        }
        return true;
    }

    Optional<String> max() {
        return Optional.ofNullable(max).map(format::format);
    }
}
