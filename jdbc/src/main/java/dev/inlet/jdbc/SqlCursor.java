package dev.inlet.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An executed keyset query: its connection (in a read-only transaction), statement and result set, with the
 * row reader and the order columns resolved once for the whole result set. One {@link SqlPage} reads it; in
 * streaming mode it outlives the page and is parked for the next one (see {@link ParkedCursors}).
 * Not thread-safe: one page reads it at a time.
 */
final class SqlCursor {

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowReader reader;
    private final String cursorName;
    private final String keyName;
    private final String cursorType;
    private final String keyType;
    private boolean exhausted;
    private boolean closed;

    /** Takes ownership of the connection, statement and result set. */
    SqlCursor(Connection connection, PreparedStatement statement, ResultSet rows, String cursorColumn,
            String keyColumn) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.reader = new RowReader(rows.getMetaData());
        int cursorIndex = reader.indexOf(cursorColumn);
        int keyIndex = reader.indexOf(keyColumn);
        reader.require(cursorIndex);
        reader.require(keyIndex);
        String[] names = reader.names();
        this.cursorName = names[cursorIndex];
        this.keyName = names[keyIndex];
        this.cursorType = rows.getMetaData().getColumnTypeName(cursorIndex + 1);
        this.keyType = rows.getMetaData().getColumnTypeName(keyIndex + 1);
    }

    /** The next row as a record, or null at the end of the result set. */
    ObjectNode next() throws SQLException {
        if (exhausted) {
            return null;
        }
        if (!rows.next()) {
            exhausted = true;
            return null;
        }
        return reader.read(rows);
    }

    /** Whether the row {@link #next()} returned last has NULL in the cursor or the key column. */
    boolean missingOrder() {
        return reader.missingRequired();
    }

    /** Moves past a row without mapping it; false at the end of the result set. */
    boolean skip() throws SQLException {
        if (exhausted || !rows.next()) {
            exhausted = true;
            return false;
        }
        return true;
    }

    /** Whether the end of the result set was reached. */
    boolean exhausted() {
        return exhausted;
    }

    /** The label of the cursor column, as the records carry it. */
    String cursorName() {
        return cursorName;
    }

    /** The label of the key column, as the records carry it. */
    String keyName() {
        return keyName;
    }

    /** The position token of a row read from this cursor: its typed (cursor, key). */
    String tokenOf(JsonNode row) {
        JsonNode c = row.get(cursorName);
        JsonNode k = row.get(keyName);
        return KeysetKey.token(c, KeysetKey.kindOf(c, cursorType), k, KeysetKey.kindOf(k, keyType));
    }

    /** Rolls back the read-only transaction and closes everything; safe to call twice. */
    void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection c = connection; PreparedStatement s = statement; ResultSet r = rows) {
            c.rollback(); // read only: nothing to keep, and the connection goes back to a pool clean
            c.setAutoCommit(true);
        }
    }
}
