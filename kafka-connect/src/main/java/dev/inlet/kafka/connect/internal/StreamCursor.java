package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Position;
import dev.inlet.kafka.connect.StreamSource;
import java.util.Map;

/**
 * <b>Internal</b>: a task's reading state of one tenant's stream: where it is, whether its last page
 * was read, and until when it waits. Used by the task's polling thread only.
 */
public final class StreamCursor {

    private final WorkItem item;
    private final StreamSource source;
    private final Map<String, String> partition;
    private final ValueConverter converter;
    private Position position;
    private boolean done;
    private boolean continues;
    private long notBeforeMillis;

    /** A cursor at the start of the stream, ready now. */
    public StreamCursor(WorkItem item, StreamSource source, Map<String, String> partition, ValueConverter converter) {
        this.item = item;
        this.source = source;
        // Kept as given (a HashMap): see SourceOffsets.partition for why the map's kind matters.
        this.partition = java.util.Collections.unmodifiableMap(partition);
        this.converter = converter;
        this.position = Position.start();
    }

    /** The tenant, stream and key. */
    public WorkItem item() {
        return item;
    }

    /** The stream's source. */
    public StreamSource source() {
        return source;
    }

    /** The Connect source partition. */
    public Map<String, String> partition() {
        return partition;
    }

    /** The stream's value converter. */
    public ValueConverter converter() {
        return converter;
    }

    /** The page to read next (when done: the last page read, or where the next scan starts if it continues). */
    public Position position() {
        return position;
    }

    /** Whether the stream's last page was read. */
    public boolean done() {
        return done;
    }

    /** The earliest time (epoch millis) the stream may read its next page. */
    public long notBeforeMillis() {
        return notBeforeMillis;
    }

    /** Whether the stream may read a page at this time. */
    public boolean readyAt(long nowMillis) {
        return nowMillis >= notBeforeMillis;
    }

    /** Whether the done stream's next scan starts at {@link #position()} (a sync API's continuation). */
    public boolean continues() {
        return continues;
    }

    /** Moves to a page; the stream is not done. */
    public void moveTo(Position next) {
        this.position = next;
        this.done = false;
        this.continues = false;
    }

    /** Marks the stream done, its next scan starting at {@code nextScan}; it waits until {@code notBeforeMillis}. */
    public void finishContinuing(Position nextScan, long notBeforeMillis) {
        finish(nextScan, notBeforeMillis);
        this.continues = true;
    }

    /** Marks the stream done after its last page, at that page; it waits until {@code notBeforeMillis}. */
    public void finish(Position lastPage, long notBeforeMillis) {
        this.position = lastPage;
        this.done = true;
        this.continues = false;
        this.notBeforeMillis = notBeforeMillis;
    }

    /** Makes the stream wait. */
    public void waitUntil(long notBeforeMillis) {
        this.notBeforeMillis = notBeforeMillis;
    }

    @Override
    public String toString() {
        return "stream '" + item.stream() + "' of tenant '" + item.tenant() + "'";
    }
}
