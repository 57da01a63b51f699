package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Writes pages of records into one table on the caller's connection and transaction: creates the table from
 * the first page when allowed, applies the schema contract to new fields, and upserts by primary key in
 * batches, or through PostgreSQL's COPY when allowed and the driver offers it. An existing table and its columns
 * are named as the database stores them ({@link TableColumns}), so a table created unquoted on a database that
 * folds names to upper case (H2) is written, not shadowed by a new quoted one. Not thread-safe (one per sink run).
 */
final class TableWriter {

    private final Dialect dialect;
    private final String table;
    private final List<String> primaryKey;
    private final boolean createTable;
    private final SchemaContract contract;
    private final int batchSize;
    private final boolean bulk;
    private final boolean resumed;
    private Optional<BulkUpsert> bulkPath;
    private TableColumns columns;
    /** Whether this page's transaction has changed the table's definition (created it, added a column). */
    private boolean definitionChanged;
    private final List<String> added = new ArrayList<>();
    private long discarded;

    /** A writer for this table, for a run that resumes an interrupted one or not; nothing is read until the first page. */
    public TableWriter(Dialect dialect, String table, List<String> primaryKey, boolean createTable,
            SchemaContract contract, int batchSize, boolean bulk, boolean resumed) {
        this.dialect = dialect;
        this.table = table;
        this.primaryKey = List.copyOf(primaryKey);
        this.createTable = createTable;
        this.contract = contract;
        this.batchSize = batchSize;
        this.bulk = bulk;
        this.resumed = resumed;
    }

    /** Columns added so far. */
    public List<String> added() {
        return List.copyOf(added);
    }

    /** Field values dropped so far by {@link SchemaContract#DISCARD}. */
    public long discarded() {
        return discarded;
    }

    /**
     * Checks the table (creating it if allowed and missing) before anything is read: called at the start of every
     * page, before {@link #write}; the table is read once.
     */
    public void prepare(Connection c, List<JsonNode> firstRecords) throws SQLException {
        definitionChanged = false;
        if (columns != null) {
            return;
        }
        columns = TableColumns.read(c.getMetaData(), table).orElse(null);
        if (columns == null) {
            if (!createTable) {
                throw new JdbcConfigurationException("table " + table + " does not exist: create it, or call "
                        + "createTable(true) on the JdbcSink builder to create it from the records");
            }
            create(c, firstRecords);
            definitionChanged = true;
            columns = TableColumns.read(c.getMetaData(), table).orElseThrow(() -> new JdbcConfigurationException(
                    "table " + table + " was created but its columns cannot be read from the database metadata"));
        }
        for (String key : primaryKey) {
            if (columns.get(key).isEmpty()) {
                throw new JdbcConfigurationException("table " + table + " exists but has no column '" + key
                        + "' of the primary key " + primaryKey + ": alter the table or write to another one");
            }
        }
    }

    private void create(Connection c, List<JsonNode> records) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (String key : primaryKey) {
            types.put(key, null);
        }
        for (JsonNode record : records) {
            for (Map.Entry<String, JsonNode> field : record.properties()) {
                if (types.get(field.getKey()) == null) {
                    types.put(field.getKey(), sqlType(field.getValue()));
                }
            }
        }
        String cols = types.entrySet().stream().map(e -> dialect.quote(e.getKey()) + " "
                + (e.getValue() == null ? dialect.textType() : e.getValue())
                + (primaryKey.contains(e.getKey()) ? " NOT NULL" : "")).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + dialect.quote(table) + " (" + cols + ", PRIMARY KEY ("
                    + primaryKey.stream().map(dialect::quote).collect(Collectors.joining(", ")) + "))");
        }
    }

    private String sqlType(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return dialect.integerType();
        }
        if (value.isNumber()) {
            return value.isBigDecimal() ? dialect.decimalType() : dialect.floatingType();
        }
        if (value.isBoolean()) {
            return dialect.booleanType();
        }
        return dialect.textType();
    }

    /** Upserts the records (the last of a repeated key wins); returns how many rows were written. */
    public int write(Connection c, List<JsonNode> records, String where) throws SQLException {
        Map<Object, JsonNode> byKey = new LinkedHashMap<>(records.size() * 4 / 3 + 1);
        Set<String> fields = new LinkedHashSet<>(primaryKey);
        for (JsonNode record : records) {
            Object key;
            if (primaryKey.size() == 1) {
                key = keyValue(record, primaryKey.get(0), where);
            } else {
                List<Object> parts = new ArrayList<>(primaryKey.size());
                for (String k : primaryKey) {
                    parts.add(keyValue(record, k, where));
                }
                key = parts;
            }
            byKey.put(key, record);
            for (Iterator<String> names = record.propertyNames().iterator(); names.hasNext(); ) {
                fields.add(names.next());
            }
        }
        List<String> known = new ArrayList<>();
        for (String field : fields) {
            if (columns.get(field).isPresent()) {
                known.add(columns.get(field).get().name());
            } else {
                evolve(c, field, byKey.values(), where);
                if (columns.get(field).isPresent()) {
                    known.add(columns.get(field).get().name());
                }
            }
        }
        if (byKey.isEmpty()) {
            return 0;
        }
        List<Column> cols = known.stream().map(n -> columns.get(n).orElseThrow()).toList();
        if (bulkPath == null) {
            bulkPath = bulk ? BulkUpsert.of(dialect, c, resumed) : Optional.empty();
        }
        if (bulkPath.isPresent()) {
            return bulkPath.get().upsert(c, dialect, columns.table(), cols, keyColumns(), byKey.values(), where,
                    !definitionChanged);
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.upsert(columns.table(), known, keyColumns()))) {
            int pending = 0;
            for (JsonNode record : byKey.values()) {
                for (int i = 0; i < cols.size(); i++) {
                    ValueBinder.bind(ps, i + 1, cols.get(i), field(record, cols.get(i).name()), where,
                            dialect == Dialect.POSTGRESQL);
                }
                ps.addBatch();
                if (++pending == batchSize) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return byKey.size();
    }

    /**
     * A key value that is equal exactly when the JSON values are: a {@code Long} for an integer that fits, else
     * text: its JSON text, but text values as a quote and their raw text (so never equal to a {@code Long}), which
     * give the same equality without serializing every key.
     */
    private static Object keyValue(JsonNode record, String k, String where) {
        JsonNode v = record.get(k);
        if (v == null || v.isNull()) {
            throw new JdbcConfigurationException(where + ": a record has no value for primary key column '" + k
                    + "'; every record needs its key (validate it with a RecordValidator)");
        }
        if (v.isString()) {
            return "\"" + v.asString();
        }
        return v.isIntegralNumber() && v.canConvertToLong() ? (Object) v.longValue() : v.toString();
    }

    private List<String> keyColumns() {
        return primaryKey.stream().map(k -> columns.get(k).orElseThrow().name()).toList();
    }

    /** The record's value for a column, matched case-insensitively if not exactly; null if absent. */
    static JsonNode field(JsonNode record, String column) {
        JsonNode v = record.get(column);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private void evolve(Connection c, String field, Iterable<JsonNode> records, String where) throws SQLException {
        String type = null;
        long present = 0;
        for (JsonNode record : records) {
            JsonNode v = record.get(field);
            if (v != null) {
                present++;
                if (type == null) {
                    type = sqlType(v);
                }
            }
        }
        switch (contract) {
            case FREEZE -> throw new JdbcConfigurationException(where + ": field '" + field + "' has no column in table "
                    + table + " and the schema contract is FREEZE: add the column, or choose EVOLVE (add it) or "
                    + "DISCARD (drop the field)");
            case DISCARD -> discarded += present;
            case EVOLVE -> {
                String sqlType = type == null ? dialect.textType() : type;
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + dialect.quote(columns.table()) + " ADD COLUMN " + dialect.quote(field) + " " + sqlType);
                }
                columns = TableColumns.read(c.getMetaData(), columns.table()).orElseThrow();
                if (columns.get(field).isEmpty()) {
                    columns.add(new Column(field, Types.VARCHAR, sqlType, 0, 0));
                }
                added.add(field);
                definitionChanged = true;
            }
            default -> throw new IllegalStateException(String.valueOf(contract));
        }
    }
}
