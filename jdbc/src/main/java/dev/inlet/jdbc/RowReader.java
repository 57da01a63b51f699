package dev.inlet.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps one row to a JSON record, typed by column: NUMERIC/DECIMAL stay {@code BigDecimal} (never a double),
 * timestamptz becomes the ISO-8601 {@code Instant} text (UTC), a timestamp without zone its local ISO text,
 * integers longs. Built once per result set: the per-column decision is made once, not per row, and so is the
 * choice of the columns that must not be NULL (the keyset order columns), checked as each row is read rather
 * than by looking the values up in the record afterwards.
 */
final class RowReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How one column is read. */
    private enum Kind { LONG, DECIMAL, DOUBLE, BOOLEAN, INSTANT, LOCAL_TIMESTAMP, DATE, BYTES, TEXT }

    private final String[] names;
    private final Kind[] kinds;
    private final boolean[] required;
    private boolean missingRequired;

    /** A reader for the columns of this result set. */
    public RowReader(ResultSetMetaData meta) throws SQLException {
        int n = meta.getColumnCount();
        names = new String[n];
        kinds = new Kind[n];
        required = new boolean[n];
        for (int i = 0; i < n; i++) {
            names[i] = meta.getColumnLabel(i + 1);
            kinds[i] = kind(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
        }
    }

    /** Marks a column (0-based) whose NULL {@link #missingRequired()} reports. */
    public void require(int index) {
        required[index] = true;
    }

    /** Whether the last row read had NULL in a {@link #require(int) required} column. */
    public boolean missingRequired() {
        return missingRequired;
    }

    /** The column labels, in order. */
    public String[] names() {
        return names.clone();
    }

    /** The index (0-based) of a column label, case-insensitively; -1 if absent. */
    public int indexOf(String column) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static Kind kind(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("timestamptz") || name.contains("with time zone")) {
            return Kind.INSTANT;
        }
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.LONG;
            case Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.TIMESTAMP -> Kind.LOCAL_TIMESTAMP;
            case Types.DATE -> Kind.DATE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
            default -> Kind.TEXT;
        };
    }

    /** The current row of the result set as a record. */
    public ObjectNode read(ResultSet rs) throws SQLException {
        ObjectNode node = NODES.objectNode();
        boolean missing = false;
        for (int i = 0; i < names.length; i++) {
            int col = i + 1;
            switch (kinds[i]) {
                case LONG -> {
                    long v = rs.getLong(col);
                    if (rs.wasNull()) {
                        node.putNull(names[i]);
                    } else {
                        node.put(names[i], v);
                    }
                }
                case DOUBLE -> {
                    double v = rs.getDouble(col);
                    if (rs.wasNull()) {
                        node.putNull(names[i]);
                    } else {
                        node.put(names[i], v);
                    }
                }
                case BOOLEAN -> {
                    boolean v = rs.getBoolean(col);
                    if (rs.wasNull()) {
                        node.putNull(names[i]);
                    } else {
                        node.put(names[i], v);
                    }
                }
                case DECIMAL -> node.put(names[i], rs.getBigDecimal(col));
                case INSTANT -> {
                    OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
                    node.put(names[i], v == null ? null : IsoInstant.of(v.toEpochSecond(), v.getNano()));
                }
                case LOCAL_TIMESTAMP -> {
                    LocalDateTime v = rs.getObject(col, LocalDateTime.class);
                    node.put(names[i], v == null ? null : v.toString());
                }
                case DATE -> {
                    LocalDate v = rs.getObject(col, LocalDate.class);
                    node.put(names[i], v == null ? null : v.toString());
                }
                case BYTES -> node.put(names[i], rs.getBytes(col));
                default -> node.put(names[i], rs.getString(col));
            }
            if (required[i] && rs.wasNull()) {
                missing = true;
            }
        }
        missingRequired = missing;
        return node;
    }
}
