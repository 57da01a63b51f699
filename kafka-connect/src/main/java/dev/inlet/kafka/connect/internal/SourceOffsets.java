package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Position;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * <b>Internal</b>: Connect source partitions and offsets for Inlet streams.
 *
 * <p>A partition is {@code {"connector", "stream", "tenant"}}. An offset is
 * {@code {"inlet": 1, "position": <Position.asString()>}}, plus {@code "done": true} once the
 * stream's last page was read (the position is then that last page's), or, for a sync API whose last
 * page named where the next sync starts ({@code Page.continuation()}), {@code "done": true,
 * "continue": true} with that start as the position: the rescan begins there instead of at the first
 * page. The {@code "inlet"} field is the format's version: a later format reads this one.
 */
public final class SourceOffsets {

    /** The offset format written by this version. */
    public static final int VERSION = 1;

    static final String CONNECTOR = "connector";
    static final String STREAM = "stream";
    static final String TENANT = "tenant";
    static final String FORMAT = "inlet";
    static final String POSITION = "position";
    static final String DONE = "done";
    static final String CONTINUE = "continue";

    private SourceOffsets() {
    }

    /**
     * Where a stream resumes: the page to read next, or done (with the last page read, or, when it
     * {@code continues}, where its next scan starts).
     */
    public record Resume(Position position, boolean done, boolean continues) {

        /** Checks that the position is there and that only a done stream continues. */
        public Resume {
            Objects.requireNonNull(position, "position");
            if (continues && !done) {
                throw new IllegalArgumentException("only a done stream has a continuation");
            }
        }

        /** A resume without a continuation. */
        public Resume(Position position, boolean done) {
            this(position, done, false);
        }

        /** A stream that has not been read yet. */
        public static Resume fromStart() {
            return new Resume(Position.start(), false);
        }
    }

    /**
     * The source partition of a tenant's stream in a connector. A {@code HashMap}, on purpose: Connect
     * finds a partition's offset by the JSON bytes of the map in its iteration order, and it reads
     * partitions back (REST, offset alterations) as {@code HashMap}s. An immutable {@code Map.of} or
     * {@code Map.copyOf} iterates in an order salted per JVM, so a restarted task would not find its
     * offset.
     */
    public static Map<String, String> partition(String connector, String stream, String tenant) {
        Map<String, String> partition = new HashMap<>();
        partition.put(CONNECTOR, connector);
        partition.put(STREAM, stream);
        partition.put(TENANT, tenant);
        return partition;
    }

    /** The offset that resumes at the position. */
    public static Map<String, Object> at(Position position) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(FORMAT, VERSION);
        offset.put(POSITION, position.asString());
        return offset;
    }

    /** The offset of a stream whose last page, at this position, was read. */
    public static Map<String, Object> done(Position lastPage) {
        Map<String, Object> offset = at(lastPage);
        offset.put(DONE, true);
        return offset;
    }

    /** The offset of a stream whose last page was read and named where the next scan starts. */
    public static Map<String, Object> continuing(Position nextScan) {
        Map<String, Object> offset = done(nextScan);
        offset.put(CONTINUE, true);
        return offset;
    }

    /**
     * Reads a stored offset; {@code null} (no offset) is the start.
     *
     * @throws IllegalArgumentException saying what is wrong and what a valid offset looks like
     */
    public static Resume read(Map<String, ?> offset) {
        if (offset == null) {
            return Resume.fromStart();
        }
        Object format = offset.get(FORMAT);
        if (!(format instanceof Number n) || n.intValue() != VERSION || n.doubleValue() != VERSION) {
            throw new IllegalArgumentException("an Inlet source offset needs \"" + FORMAT + "\": " + VERSION
                    + ", was " + format + "; expected {\"inlet\": 1, \"position\": \"{\\\"v\\\":1,...}\"}");
        }
        Object position = offset.get(POSITION);
        if (!(position instanceof String text)) {
            throw new IllegalArgumentException("an Inlet source offset needs \"" + POSITION
                    + "\" as the text of a saved Inlet position (e.g. \"{\\\"v\\\":1}\" for the start), was "
                    + position);
        }
        Object done = offset.containsKey(DONE) ? offset.get(DONE) : Boolean.FALSE;
        if (!(done instanceof Boolean isDone)) {
            throw new IllegalArgumentException("\"" + DONE + "\" in an Inlet source offset must be true or false, was "
                    + done);
        }
        Object continues = offset.containsKey(CONTINUE) ? offset.get(CONTINUE) : Boolean.FALSE;
        if (!(continues instanceof Boolean isContinuing) || isContinuing && !isDone) {
            throw new IllegalArgumentException("\"" + CONTINUE + "\" in an Inlet source offset must be true (with "
                    + "\"done\": true) or false, was " + continues);
        }
        for (String field : offset.keySet()) {
            if (!field.equals(FORMAT) && !field.equals(POSITION) && !field.equals(DONE) && !field.equals(CONTINUE)) {
                throw new IllegalArgumentException("unknown field \"" + field + "\" in an Inlet source offset; "
                        + "allowed: inlet, position, done, continue");
            }
        }
        return new Resume(Position.parse(text), isDone, isContinuing);
    }

    /**
     * Checks a source partition of this connector.
     *
     * @throws IllegalArgumentException if a field is missing, extra, not text, or names another connector
     */
    public static void checkPartition(Map<String, ?> partition, String connector) {
        if (partition == null) {
            throw new IllegalArgumentException("a source partition must not be null");
        }
        for (String field : new String[] {CONNECTOR, STREAM, TENANT}) {
            if (!(partition.get(field) instanceof String value) || value.isBlank()) {
                throw new IllegalArgumentException("an Inlet source partition needs \"" + field + "\" as text; "
                        + "expected {\"connector\": ..., \"stream\": ..., \"tenant\": ...}, was " + partition);
            }
        }
        if (partition.size() != 3) {
            throw new IllegalArgumentException("an Inlet source partition has exactly connector, stream and tenant, "
                    + "was " + partition.keySet());
        }
        if (!partition.get(CONNECTOR).equals(connector)) {
            throw new IllegalArgumentException("the source partition names connector '" + partition.get(CONNECTOR)
                    + "', not this connector '" + connector + "'");
        }
    }

    /** The tenant of a checked partition. */
    public static String tenantOf(Map<String, ?> partition) {
        return (String) partition.get(TENANT);
    }

    /** The stream of a checked partition. */
    public static String streamOf(Map<String, ?> partition) {
        return (String) partition.get(STREAM);
    }
}
