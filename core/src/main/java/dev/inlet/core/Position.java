package dev.inlet.core;

import dev.inlet.core.internal.Redaction;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a connector is in its source: enough to ask for the next page, saved as a string and handed
 * back later to continue exactly where it stopped.
 *
 * <p>A position has four parts:
 * <ul>
 *   <li>{@link #token()}: what the paginator sends to get this page (an offset, a page number, a
 *       cursor, or a whole next-page URL); empty for the first page;</li>
 *   <li>{@link #pageIndex()}: how many pages came before this one in the run (0 for the first);</li>
 *   <li>{@link #recordsBefore()}: how many records the pages before this one held;</li>
 *   <li>{@link #skip()}: how many records of <em>this</em> page were already delivered, so a run
 *       that stopped mid-page resumes with exactly the records it had not delivered.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #asString()} is the stable, storable form (a small JSON
 * object); {@link #toString()} masks secrets that a next-page URL may carry and is for logs only.
 */
public final class Position {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Position START = new Position(null, 0, 0, 0);

    private final String token;
    private final int pageIndex;
    private final long recordsBefore;
    private final int skip;

    private Position(String token, int pageIndex, long recordsBefore, int skip) {
        this.token = token;
        this.pageIndex = pageIndex;
        this.recordsBefore = recordsBefore;
        this.skip = skip;
    }

    /** The first page of a source. */
    public static Position start() {
        return START;
    }

    /** The first page, asked for with an explicit token (e.g. a saved cursor from another system). */
    public static Position startingAt(String token) {
        return new Position(Objects.requireNonNull(token, "token"), 0, 0, 0);
    }

    /**
     * Reads a position saved with {@link #asString()}.
     *
     * @throws IllegalArgumentException if the text is not a saved position
     */
    public static Position parse(String saved) {
        if (saved == null || saved.isBlank()) {
            throw new IllegalArgumentException("a saved position must not be blank; use Position.start() to begin");
        }
        JsonNode node;
        try {
            node = JSON.readTree(saved);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a saved Inlet position (expected the JSON text of "
                    + "Position.asString()): " + excerpt(saved), e);
        }
        if (!node.isObject() || node.path("v").asInt(0) != 1) {
            throw new IllegalArgumentException("not a saved Inlet position (missing \"v\":1): " + excerpt(saved));
        }
        JsonNode token = node.get("token");
        int page = node.path("page").asInt(0);
        long before = node.path("before").asLong(0);
        int skip = node.path("skip").asInt(0);
        if (page < 0 || before < 0 || skip < 0) {
            throw new IllegalArgumentException("a saved position has a negative count: " + excerpt(saved));
        }
        return new Position(token == null || token.isNull() ? null : token.asString(), page, before, skip);
    }

    /** The paginator's token for this page; empty for the first page. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** Whether this is the first page (no token). */
    public boolean isStart() {
        return token == null && pageIndex == 0;
    }

    /** How many pages came before this one (0 for the first page). */
    public int pageIndex() {
        return pageIndex;
    }

    /** How many records the earlier pages held. */
    public long recordsBefore() {
        return recordsBefore;
    }

    /** How many records of this page were already delivered and are skipped on resume. */
    public int skip() {
        return skip;
    }

    /**
     * The position of the page after this one.
     *
     * @param nextToken the paginator's token for the next page
     * @param recordsOnThisPage how many records this page held (delivered or rejected)
     */
    public Position next(String nextToken, int recordsOnThisPage) {
        Objects.requireNonNull(nextToken, "nextToken");
        return new Position(nextToken, pageIndex + 1, recordsBefore + recordsOnThisPage, 0);
    }

    /** This page, with the first {@code delivered} records marked as already delivered. */
    public Position withSkip(int delivered) {
        if (delivered < 0) {
            throw new IllegalArgumentException("skip must be >= 0, was " + delivered);
        }
        return delivered == skip ? this : new Position(token, pageIndex, recordsBefore, delivered);
    }

    /** Whether both positions ask for the same page (same token), whatever their counters. */
    public boolean samePageAs(Position other) {
        return Objects.equals(token, other.token);
    }

    /** The stable, storable form; {@link #parse(String)} reads it back. */
    public String asString() {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", 1);
        if (token != null) {
            node.put("token", token);
        }
        if (pageIndex != 0) {
            node.put("page", pageIndex);
        }
        if (recordsBefore != 0) {
            node.put("before", recordsBefore);
        }
        if (skip != 0) {
            node.put("skip", skip);
        }
        return JSON.writeValueAsString(node);
    }

    /** A short description for messages: page number (1-based) and the token with secrets masked. */
    public String describe() {
        StringBuilder out = new StringBuilder("page ").append(pageIndex + 1);
        if (token != null) {
            out.append(" (").append(maskedToken()).append(')');
        }
        if (skip > 0) {
            out.append(", after record ").append(skip);
        }
        return out.toString();
    }

    private String maskedToken() {
        if (token.startsWith("http://") || token.startsWith("https://")) {
            try {
                return Redaction.uri(URI.create(token), Set.of());
            } catch (IllegalArgumentException notAUri) {
                return Redaction.MASK;
            }
        }
        return token.length() > 64 ? token.substring(0, 61) + "..." : token;
    }

    private static String excerpt(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && Objects.equals(token, p.token) && pageIndex == p.pageIndex
                && recordsBefore == p.recordsBefore && skip == p.skip;
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, pageIndex, recordsBefore, skip);
    }

    /** For logs: like {@link #describe()}, with secrets in a next-page URL masked. */
    @Override
    public String toString() {
        return "Position[" + describe() + "]";
    }
}
