package dev.inlet.jdbc;

import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a SqlSource: at most {@code pageSize} rows streamed from a {@link SqlCursor}, after skipping the
 * rows the position marks as already delivered. The next position is known once every row was read: the last
 * row's (cursor, key), if the page was full. Closing it returns the connection, or, in streaming mode, parks
 * the still-open cursor for exactly that next position when the page was read to its full size without error.
 */
final class SqlPage implements OpenPage {

    private final SqlCursor cursor;
    private final ParkedCursors parking;
    private final Position position;
    private final int pageSize;
    private final String description;
    private final ResponseInfo response;
    private ObjectNode ahead;
    private boolean aheadMissingOrder;
    private JsonNode last;
    private int taken;
    private Optional<Position> next;
    private boolean failed;
    private boolean closed;

    /**
     * A page over the cursor; takes ownership of it. {@code parking} is null unless streaming. Skips
     * {@code position.skip()} rows first (they count towards the page size, as in the first read).
     */
    SqlPage(SqlCursor cursor, ParkedCursors parking, Position position, int pageSize, String description,
            Instant sentAt, Instant answeredAt) throws SQLException {
        this.cursor = cursor;
        this.parking = parking;
        this.position = position;
        this.pageSize = pageSize;
        this.description = description;
        this.response = new ResponseInfo("SELECT", URI.create("jdbc:inlet:" + description), 200, Headers.empty(),
                sentAt, Duration.between(sentAt, answeredAt).isNegative() ? Duration.ZERO
                        : Duration.between(sentAt, answeredAt));
        int skip = Math.min(position.skip(), pageSize);
        for (int i = 0; i < skip; i++) {
            if (i == skip - 1) {
                ObjectNode row = cursor.next(); // the last delivered row's key is the next page's token
                if (row == null) {
                    break;
                }
                last = row;
            } else if (!cursor.skip()) {
                break;
            }
            taken++;
        }
    }

    @Override
    public boolean hasNext() {
        if (ahead != null) {
            return true;
        }
        if (taken >= pageSize || cursor.exhausted()) {
            return false;
        }
        try {
            ahead = cursor.next();
            aheadMissingOrder = ahead != null && cursor.missingOrder();
            return ahead != null;
        } catch (SQLException e) {
            failed = true;
            throw new JdbcException("reading " + description + " at " + position.describe() + " failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), "rerun from the same position", e);
        }
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectNode row = ahead;
        ahead = null;
        if (aheadMissingOrder) {
            // a NULL order value cannot be paged past (NULL compares as unknown): stop rather than skip rows
            failed = true;
            throw new JdbcException("reading " + description + " at " + position.describe() + ": a row has NULL in "
                    + cursor.cursorName() + " or " + cursor.keyName() + ", which keyset paging cannot order",
                    "select COALESCE(column, <a default>) in the query, or declare the column NOT NULL", null);
        }
        last = row;
        taken++;
        return row;
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public ResponseInfo response() {
        return response;
    }

    @Override
    public Optional<Position> nextPosition() {
        if (taken < pageSize || last == null) {
            return Optional.empty();
        }
        if (next == null) {
            next = Optional.of(position.next(cursor.tokenOf(last), taken));
        }
        return next;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (parking != null && !failed && ahead == null && taken == pageSize && last != null && !cursor.exhausted()) {
            parking.park(nextPosition().orElseThrow(), cursor);
            return;
        }
        try {
            cursor.close();
        } catch (SQLException e) {
            throw new JdbcException("closing the page of " + description + " failed: " + e.getMessage(),
                    "check the connection", e);
        }
    }
}
