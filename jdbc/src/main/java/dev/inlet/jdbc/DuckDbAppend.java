package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * DuckDB's bulk path for {@link JdbcSink}: a page's rows go through the driver's {@code Appender} (DuckDB's
 * fastest way in, without SQL per row) into a temporary staging table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE} upserts them in the page's transaction, so exactly-once
 * holds as with batched inserts (the staging table is emptied before each page, so whatever the appender
 * did outside the transaction never reaches the target). The staging columns have the types of the values
 * {@link ValueBinder#convert} produces (BIGINT, DECIMAL, DOUBLE, BOOLEAN, VARCHAR, DATE, TIMESTAMP[TZ]); the
 * upsert casts them to the table's own types, so a value that does not fit fails the page as SQL would.
 * The driver is reached by {@link Connection#unwrap} and reflection: inlet-jdbc compiles against
 * {@code java.sql} only, and without the DuckDB driver's appender the sink uses batched inserts.
 */
final class DuckDbAppend implements BulkUpsert {

    private static final String STAGE = "inlet_append_stage";

    private final Class<?> connectionType;
    private final Method createAppender;
    private final Method beginRow;
    private final Method endRow;
    private final Method appendNull;
    private final Method flush;
    private final Method close;
    private final Map<Class<?>, Method> appendByType;

    private DuckDbAppend(Class<?> connectionType, Class<?> appender) throws NoSuchMethodException {
        this.connectionType = connectionType;
        this.createAppender = connectionType.getMethod("createAppender", String.class, String.class, String.class);
        this.beginRow = appender.getMethod("beginRow");
        this.endRow = appender.getMethod("endRow");
        this.appendNull = appender.getMethod("appendNull");
        this.flush = appender.getMethod("flush");
        this.close = appender.getMethod("close");
        this.appendByType = Map.of(
                Long.class, appender.getMethod("append", long.class),
                BigDecimal.class, appender.getMethod("append", BigDecimal.class),
                Double.class, appender.getMethod("append", double.class),
                Boolean.class, appender.getMethod("append", boolean.class),
                String.class, appender.getMethod("append", String.class),
                LocalDate.class, appender.getMethod("append", LocalDate.class),
                LocalDateTime.class, appender.getMethod("append", LocalDateTime.class),
                OffsetDateTime.class, appender.getMethod("append", OffsetDateTime.class));
    }

    /** The appender path of this connection, if it is (or wraps) a DuckDB connection whose driver has one. */
    static Optional<DuckDbAppend> of(Connection c) {
        try {
            Optional<Class<?>> duck = BulkUpsert.driverClass(c, "org.duckdb.DuckDBConnection");
            if (duck.isEmpty()) {
                return Optional.empty();
            }
            Class<?> appender = Class.forName("org.duckdb.DuckDBAppender", false, duck.get().getClassLoader());
            return Optional.of(new DuckDbAppend(duck.get(), appender));
        } catch (ReflectiveOperationException | SQLException | RuntimeException unusable) {
            return Optional.empty(); // an older driver without this appender API: batched inserts
        }
    }

    @Override
    public int upsert(Connection c, Dialect dialect, String table, List<Column> columns, List<String> keys,
            Collection<JsonNode> records, String where, boolean onlyChange) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp.main." + STAGE);
            s.execute("CREATE TEMP TABLE " + STAGE + " (" + columns.stream()
                    .map(col -> dialect.quote(col.name()) + " " + stageType(col)).collect(Collectors.joining(", ")) + ")");
        }
        try {
            Object appender = createAppender.invoke(c.unwrap(connectionType), "temp", "main", STAGE);
            try {
                for (JsonNode record : records) {
                    beginRow.invoke(appender);
                    for (Column column : columns) {
                        Object value = ValueBinder.convert(column, TableWriter.field(record, column.name()), where);
                        if (value == null) {
                            appendNull.invoke(appender);
                        } else {
                            appendByType.get(value.getClass()).invoke(appender, scaled(value, column));
                        }
                    }
                    endRow.invoke(appender);
                }
                flush.invoke(appender);
            } finally {
                close.invoke(appender);
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new JdbcException(where + ": appending to DuckDB's staging table for " + table + " failed: "
                    + e.getCause(), "nothing of the page was committed; rerun to resume, or use batched inserts "
                    + "(bulkLoad(false) on the JdbcSink builder)", e.getCause());
        } catch (IllegalAccessException e) {
            throw new JdbcException(where + ": the DuckDB appender is not accessible: " + e.getMessage(),
                    "use batched inserts (bulkLoad(false) on the JdbcSink builder)", e);
        }
        BulkUpsert.upsertFromStage(c, dialect, table, STAGE, columns, keys);
        return records.size();
    }

    /** The staging column's type: the SQL type of what {@link ValueBinder#convert} returns for the column. */
    static String stageType(Column column) {
        if (TableColumns.isInteger(column)) {
            return "BIGINT";
        } else if (TableColumns.isDecimal(column)) {
            int precision = column.size() > 0 && column.size() <= 38 ? column.size() : 38;
            return "DECIMAL(" + precision + "," + Math.max(0, Math.min(column.scale(), precision)) + ")";
        } else if (TableColumns.isFloating(column)) {
            return "DOUBLE";
        } else if (TableColumns.isBoolean(column)) {
            return "BOOLEAN";
        } else if (TableColumns.isTimestamp(column)) {
            boolean local = column.type() == Types.TIMESTAMP
                    && !column.typeName().toLowerCase(Locale.ROOT).contains("tz");
            return local ? "TIMESTAMP" : "TIMESTAMPTZ";
        } else if (column.type() == Types.DATE) {
            return "DATE";
        }
        return "VARCHAR";
    }

    /** A decimal widened to the staging column's scale (never rounded: convert refused what would round). */
    private static Object scaled(Object value, Column column) {
        if (value instanceof BigDecimal d && TableColumns.isDecimal(column) && d.scale() < column.scale()) {
            return d.setScale(column.scale());
        }
        return value;
    }
}
