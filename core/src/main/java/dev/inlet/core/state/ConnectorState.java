package dev.inlet.core.state;

import dev.inlet.core.Json;
import dev.inlet.core.Position;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a connector needs to continue after a restart, stored per connector name in a
 * {@link StateStore}: where an unfinished run continues, the incremental cursor, and the keys of
 * recently delivered records. Immutable and thread-safe; the {@code with…} methods return changed
 * copies.
 *
 * <ul>
 *   <li>{@link #position()}: where the unfinished run continues (empty once a run completed: the
 *       next run starts afresh);</li>
 *   <li>{@link #inDoubt()}: whether records at that position may already have been delivered — true
 *       in the checkpoints a run writes while it goes, so after a crash the records of the one page
 *       being delivered are "in doubt";</li>
 *   <li>{@link #since()}: the lower bound the unfinished incremental run asked for, so a resumed run
 *       repeats the same query;</li>
 *   <li>{@link #cursor()}: the greatest cursor value (e.g. {@code updated_at}) of the records
 *       delivered by completed runs and the unfinished one;</li>
 *   <li>{@link #recentKeys()}: the dedupe keys of the most recently delivered records, oldest first,
 *       bounded by the writer;</li>
 *   <li>{@link #continuation()}: where the next run starts when a completed run's last page said
 *       so (sync APIs); otherwise the next run starts at the beginning;</li>
 *   <li>{@link #lastCompletedAt()} and {@link #updatedAt()}: when a run last completed, and when this
 *       state was written.</li>
 * </ul>
 *
 * <p>{@link #toJson()} is the stable stored form (a JSON object with {@code "v":1}); the position is
 * kept as its {@link Position#asString()} text. {@link #fromJson(String)} reads it back.
 */
public final class ConnectorState {

    private static final ConnectorState EMPTY = new ConnectorState(null, false, null, null, List.of(), null,
            Instant.EPOCH, null);

    private final Position position;
    private final boolean inDoubt;
    private final String since;
    private final String cursor;
    private final List<String> recentKeys;
    private final Instant lastCompletedAt;
    private final Instant updatedAt;
    private final String continuation;

    private ConnectorState(Position position, boolean inDoubt, String since, String cursor, List<String> recentKeys,
            Instant lastCompletedAt, Instant updatedAt, String continuation) {
        this.position = position;
        this.inDoubt = inDoubt;
        this.since = since;
        this.cursor = cursor;
        this.recentKeys = List.copyOf(recentKeys);
        this.lastCompletedAt = lastCompletedAt;
        this.updatedAt = updatedAt;
        this.continuation = continuation;
    }

    /** The state of a connector that never ran: nothing stored, updated at the epoch. */
    public static ConnectorState empty() {
        return EMPTY;
    }

    /** Where the unfinished run continues; empty when no run is unfinished. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** Whether records at {@link #position()} may already have been delivered (see the class doc). */
    public boolean inDoubt() {
        return inDoubt;
    }

    /** The lower bound the unfinished incremental run asked for, if any. */
    public Optional<String> since() {
        return Optional.ofNullable(since);
    }

    /** The greatest cursor value delivered so far, in its canonical text form, if any. */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** The dedupe keys of the most recently delivered records, oldest first. */
    public List<String> recentKeys() {
        return recentKeys;
    }

    /** When a run of this connector last completed, if one ever did. */
    public Optional<Instant> lastCompletedAt() {
        return Optional.ofNullable(lastCompletedAt);
    }

    /**
     * Where the next run starts when no run is unfinished: the token a completed run's last page gave
     * (a sync API's final cursor), if any. A run that starts there delivers only what changed since.
     */
    public Optional<String> continuation() {
        return Optional.ofNullable(continuation);
    }

    /**
     * Where the next run starts: the unfinished run's position, else the continuation a completed run's last
     * page gave ({@link Position#startingAt}), else the first page.
     */
    public Position nextRunStart() {
        return position != null ? position : continuation != null ? Position.startingAt(continuation) : Position.start();
    }

    /** When this state was written. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** This state with an unfinished run at the position (in doubt or not). */
    public ConnectorState withPosition(Position position, boolean inDoubt) {
        Objects.requireNonNull(position, "position");
        return new ConnectorState(position, inDoubt, since, cursor, recentKeys, lastCompletedAt, updatedAt,
                continuation);
    }

    /** This state with no unfinished run: the next run starts afresh. */
    public ConnectorState withoutPosition() {
        return new ConnectorState(null, false, null, cursor, recentKeys, lastCompletedAt, updatedAt, continuation);
    }

    /** This state with the unfinished run's lower bound (empty for a run without one). */
    public ConnectorState withSince(Optional<String> since) {
        return new ConnectorState(position, inDoubt, since.orElse(null), cursor, recentKeys, lastCompletedAt,
                updatedAt, continuation);
    }

    /** This state with the cursor value. */
    public ConnectorState withCursor(Optional<String> cursor) {
        return new ConnectorState(position, inDoubt, since, cursor.orElse(null), recentKeys, lastCompletedAt,
                updatedAt, continuation);
    }

    /** This state with these recent keys, oldest first. */
    public ConnectorState withRecentKeys(List<String> keys) {
        return new ConnectorState(position, inDoubt, since, cursor, keys, lastCompletedAt, updatedAt, continuation);
    }

    /** This state marked as completed at the instant. */
    public ConnectorState withLastCompletedAt(Instant completedAt) {
        Objects.requireNonNull(completedAt, "completedAt");
        return new ConnectorState(position, inDoubt, since, cursor, recentKeys, completedAt, updatedAt, continuation);
    }

    /** This state stamped as written at the instant. */
    public ConnectorState withUpdatedAt(Instant updatedAt) {
        Objects.requireNonNull(updatedAt, "updatedAt");
        return new ConnectorState(position, inDoubt, since, cursor, recentKeys, lastCompletedAt, updatedAt,
                continuation);
    }

    /**
     * This state with the token the next run starts from once no run is unfinished (a sync API's final
     * cursor, see {@link dev.inlet.core.OpenPage#continuationToken()}); empty: the next run starts at the
     * beginning.
     */
    public ConnectorState withContinuation(Optional<String> continuation) {
        return new ConnectorState(position, inDoubt, since, cursor, recentKeys, lastCompletedAt, updatedAt,
                continuation.orElse(null));
    }

    /** The stable stored form, a small JSON object; {@link #fromJson(String)} reads it back. */
    public String toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("v", 1);
        if (position != null) {
            node.put("position", position.asString());
            node.put("inDoubt", inDoubt);
        }
        if (since != null) {
            node.put("since", since);
        }
        if (cursor != null) {
            node.put("cursor", cursor);
        }
        if (continuation != null) {
            node.put("continuation", continuation);
        }
        if (!recentKeys.isEmpty()) {
            ArrayNode keys = node.putArray("recentKeys");
            recentKeys.forEach(keys::add);
        }
        if (lastCompletedAt != null) {
            node.put("lastCompletedAt", lastCompletedAt.toString());
        }
        node.put("updatedAt", updatedAt.toString());
        return Json.mapper().writeValueAsString(node);
    }

    /**
     * Reads the form written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a stored connector state, saying what is wrong
     */
    public static ConnectorState fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the stored state is empty");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the stored state is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || node.path("v").asInt(0) != 1) {
            throw new IllegalArgumentException("the stored state is not an Inlet connector state (missing \"v\":1)");
        }
        Position position = node.has("position") ? Position.parse(text(node, "position")) : null;
        List<String> keys = new ArrayList<>();
        JsonNode array = node.path("recentKeys");
        if (!array.isMissingNode() && !array.isArray()) {
            throw new IllegalArgumentException("\"recentKeys\" must be an array of strings");
        }
        for (JsonNode key : array) {
            if (!key.isString()) {
                throw new IllegalArgumentException("\"recentKeys\" must be an array of strings, found " + key);
            }
            keys.add(key.stringValue());
        }
        return new ConnectorState(position, position != null && node.path("inDoubt").asBoolean(false),
                node.has("since") ? text(node, "since") : null, node.has("cursor") ? text(node, "cursor") : null,
                keys, node.has("lastCompletedAt") ? instant(node, "lastCompletedAt") : null,
                node.has("updatedAt") ? instant(node, "updatedAt") : Instant.EPOCH,
                node.has("continuation") ? text(node, "continuation") : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string, found " + value);
        }
        return value.stringValue();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an ISO-8601 instant: " + e.getParsedString(),
                    e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectorState s && Objects.equals(position, s.position) && inDoubt == s.inDoubt
                && Objects.equals(since, s.since) && Objects.equals(cursor, s.cursor)
                && recentKeys.equals(s.recentKeys) && Objects.equals(lastCompletedAt, s.lastCompletedAt)
                && updatedAt.equals(s.updatedAt) && Objects.equals(continuation, s.continuation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, inDoubt, since, cursor, recentKeys, lastCompletedAt, updatedAt, continuation);
    }

    /** For logs: the position described with secrets masked, the cursor and counts; no keys. */
    @Override
    public String toString() {
        return "ConnectorState[" + (position == null ? "no unfinished run" : position.describe()
                + (inDoubt ? " (in doubt)" : "")) + (cursor == null ? "" : ", cursor " + cursor)
                + (continuation == null ? "" : ", continues at a saved token")
                + ", " + recentKeys.size() + " recent keys, updated " + updatedAt + "]";
    }
}
