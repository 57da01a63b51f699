package dev.inlet.jdbc;

import dev.inlet.core.Headers;
import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a SqlSource, streamed row by row from an open result set; closing it returns the connection.
 * The next position is known once every row was read: the last row's (cursor, key), if the page was full.
 */
final class SqlPage implements OpenPage {

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Position position;
    private final int pageSize;
    private final RowReader reader;
    private final String cursorName;
    private final String keyName;
    private final int cursorIndex;
    private final int keyIndex;
    private final String cursorType;
    private final String keyType;
    private final String description;
    private final ResponseInfo response;
    private ObjectNode ahead;
    private ObjectNode last;
    private int read;
    private boolean exhausted;
    private boolean closed;

    /** A page over an executed query; takes ownership of the connection, statement and result set. */
    public SqlPage(Connection connection, PreparedStatement statement, ResultSet rows, Position position, int pageSize,
            String cursorColumn, String keyColumn, String description, Instant sentAt, Clock clock)
            throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.position = position;
        this.pageSize = pageSize;
        this.reader = new RowReader(rows.getMetaData());
        this.cursorIndex = reader.indexOf(cursorColumn);
        this.keyIndex = reader.indexOf(keyColumn);
        this.cursorName = reader.names()[cursorIndex];
        this.keyName = reader.names()[keyIndex];
        this.cursorType = rows.getMetaData().getColumnTypeName(cursorIndex + 1);
        this.keyType = rows.getMetaData().getColumnTypeName(keyIndex + 1);
        this.description = description;
        this.response = new ResponseInfo("SELECT", URI.create("jdbc:inlet:" + description), 200, Headers.empty(),
                sentAt, Duration.between(sentAt, clock.instant()));
    }

    @Override
    public boolean hasNext() {
        if (ahead != null) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        try {
            if (rows.next()) {
                ahead = reader.read(rows);
                return true;
            }
            exhausted = true;
            return false;
        } catch (SQLException e) {
            throw new JdbcException("reading " + description + " at " + position.describe() + " failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), "rerun from the same position", e);
        }
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        last = ahead;
        ahead = null;
        if (last.get(cursorName).isNull() || last.get(keyName).isNull()) {
            // a NULL order value cannot be paged past (NULL compares as unknown): stop rather than skip rows
            throw new JdbcException("reading " + description + " at " + position.describe() + ": a row has NULL in "
                    + cursorName + " or " + keyName + ", which keyset paging cannot order",
                    "select COALESCE(column, <a default>) in the query, or declare the column NOT NULL", null);
        }
        read++;
        return last;
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
        if (read < pageSize || last == null) {
            return Optional.empty();
        }
        JsonNode c = last.get(cursorName);
        JsonNode k = last.get(keyName);
        String token = KeysetKey.token(c, KeysetKey.kindOf(c, cursorType), k, KeysetKey.kindOf(k, keyType));
        return Optional.of(position.next(token, read));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection c = connection; PreparedStatement s = statement; ResultSet r = rows) {
            c.rollback(); // read only: nothing to keep, and the connection goes back to a pool clean
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new JdbcException("closing the page of " + description + " failed: " + e.getMessage(),
                    "check the connection", e);
        }
    }
}
