package dev.inlet.core.state;

import dev.inlet.core.Position;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JsonPointer;

/** Reads each record's incremental cursor and keeps the greatest delivered one. One run; not thread-safe. */
final class CursorTracker<T> {

    private final String connector;
    private final String pointerText;
    private final JsonPointer pointer;
    private final CursorFormat format;
    private Instant max;

    CursorTracker(String connector, String pointerText, JsonPointer pointer, CursorFormat format, Optional<String> start) {
        this.connector = connector;
        this.pointerText = pointerText;
        this.pointer = pointer;
        this.format = format;
        this.max = start.flatMap(format::parse).orElse(null);
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

    void delivered(Instant value) {
        if (max == null || value.isAfter(max)) {
            max = value;
        }
    }

    Optional<String> max() {
        return Optional.ofNullable(max).map(format::format);
    }
}
