package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's bulk path for {@link JdbcSink}: a page's rows go by {@code COPY ... FROM STDIN (FORMAT csv)} into
 * a temporary staging table (dropped at commit), then one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}
 * upserts them, all in the page's transaction, so exactly-once holds as with the batched insert. An initial load
 * (the table empty at the run's first page, with a unique index on the key: see {@link DirectLoad}) copies
 * straight into the table instead, under a savepoint: a key already there rolls the page back to the savepoint
 * and the run goes on with the staged upsert, so the result is the upsert's either way. One per sink run. Values are
 * converted by {@link ValueBinder#convert}, so the same values are refused. The pgjdbc {@code CopyManager} is
 * reached by {@link Connection#unwrap} and reflection: inlet-jdbc compiles against {@code java.sql} only, and
 * without the driver (or behind a pool that cannot unwrap) the sink uses batched inserts.
 */
final class PostgresCopy implements BulkUpsert {

    private static final String STAGE = "inlet_copy_stage";

    private final Object copyManager;
    private final Method copyIn;
    /** Whether this run's pages go straight into the table; decided at its first page (see {@link DirectLoad}). */
    private Boolean direct;

    private PostgresCopy(Object copyManager, Method copyIn) {
        this.copyManager = copyManager;
        this.copyIn = copyIn;
    }

    /** The COPY path of this connection, if it is (or wraps) a pgjdbc connection. */
    static Optional<PostgresCopy> of(Connection c) {
        try {
            Optional<Class<?>> pg = BulkUpsert.driverClass(c, "org.postgresql.PGConnection");
            if (pg.isEmpty()) {
                return Optional.empty();
            }
            Object api = pg.get().getMethod("getCopyAPI").invoke(c.unwrap(pg.get()));
            Method copyIn = Class.forName("org.postgresql.copy.CopyManager", false, pg.get().getClassLoader())
                    .getMethod("copyIn", String.class, Reader.class);
            return Optional.of(new PostgresCopy(api, copyIn));
        } catch (ReflectiveOperationException | SQLException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    @Override
    public int upsert(Connection c, Dialect dialect, String table, List<Column> columns, List<String> keys,
            Collection<JsonNode> records, String where) throws SQLException {
        String cols = BulkUpsert.columnList(dialect, columns);
        String csv = csv(columns, records, where);
        if (direct == null) {
            direct = DirectLoad.allowed(c, dialect, table, keys);
        }
        if (direct) {
            Savepoint before = c.setSavepoint();
            try {
                copy(dialect.quote(table), cols, csv, table, where);
                c.releaseSavepoint(before);
                return records.size();
            } catch (SQLException e) {
                if (!DirectLoad.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // a key is already in the table (repeated by the source or written by someone else): undo the
                // load and upsert this page and the rest of the run, as if the table had not been empty
                c.rollback(before);
                direct = false;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pg_temp." + STAGE);
            s.execute("CREATE TEMP TABLE " + STAGE + " (LIKE " + dialect.quote(table) + " INCLUDING DEFAULTS) "
                    + "ON COMMIT DROP");
        }
        copy(STAGE, cols, csv, table, where);
        BulkUpsert.upsertFromStage(c, dialect, table, STAGE, columns, keys);
        return records.size();
    }

    /** The records as CSV rows of these columns, values converted (and refused) as batched inserts do. */
    private static String csv(List<Column> columns, Collection<JsonNode> records, String where) {
        StringBuilder csv = new StringBuilder(records.size() * 64);
        for (JsonNode record : records) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Column column = columns.get(i);
                append(csv, ValueBinder.convert(column, TableWriter.field(record, column.name()), where));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private void copy(String into, String cols, String csv, String table, String where) throws SQLException {
        try {
            copyIn.invoke(copyManager, "COPY " + into + " (" + cols + ") FROM STDIN (FORMAT csv)", new StringReader(csv));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new JdbcException(where + ": COPY into " + table + " failed: " + e.getCause(),
                    "nothing of the page was committed; rerun to resume", e.getCause());
        } catch (IllegalAccessException e) {
            throw new JdbcException(where + ": the pgjdbc CopyManager is not accessible: " + e.getMessage(),
                    "use batched inserts (bulkLoad(false) on the JdbcSink builder)", e);
        }
    }

    /** One CSV field: NULL unquoted and empty, text always quoted (so an empty string stays one). */
    private static void append(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            csv.append(d.toPlainString());
        } else if (value instanceof OffsetDateTime t) {
            csv.append(IsoInstant.of(t.toEpochSecond(), t.getNano())); // the same instant, written without a formatter
        } else if (value instanceof String text) {
            csv.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    csv.append('"');
                }
                csv.append(ch);
            }
            csv.append('"');
        } else {
            csv.append(value); // Long, Double, Boolean, ISO-8601 date and time values: PostgreSQL reads them as text
        }
    }
}
