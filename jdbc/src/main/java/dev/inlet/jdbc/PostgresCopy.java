package dev.inlet.jdbc;

import dev.inlet.jdbc.TableColumns.Column;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL's bulk path for {@link JdbcSink}: a page's rows go by {@code COPY ... FROM STDIN} into
 * a temporary staging table (dropped at commit), then one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}
 * upserts them, all in the page's transaction, so exactly-once holds as with the batched insert. An initial load
 * (the table empty at the first page of a run that is not resumed, with a unique index on the key: see {@link DirectLoad}) copies
 * straight into the table instead: a key already there rolls the load back (the page's transaction, or a
 * savepoint where the transaction holds more) and the run goes on with the staged upsert, so the result is the upsert's either way. One per sink run. Rows are
 * encoded as the COPY runs, so the server works while the client encodes: in the binary format
 * ({@link CopyBinary}) when every column's type has one written here, else as CSV ({@link CopyCsv}); values are checked by
 * {@link ValueBinder#convert}, so the same values are refused. The pgjdbc {@code CopyManager} is
 * reached by {@link Connection#unwrap} and reflection: inlet-jdbc compiles against {@code java.sql} only, and
 * without the driver (or behind a pool that cannot unwrap) the sink uses batched inserts.
 */
final class PostgresCopy implements BulkUpsert {

    private static final String STAGE = "inlet_copy_stage";

    private final Object copyManager;
    private final CopyCalls calls;
    private final CopyCsv csv = new CopyCsv();
    private final CopyBinary binary = new CopyBinary();
    private final boolean resumed;
    /** Whether this run's pages go straight into the table; decided at its first page (see {@link DirectLoad}). */
    private Boolean direct;

    private PostgresCopy(Object copyManager, CopyCalls calls, boolean resumed) {
        this.copyManager = copyManager;
        this.calls = calls;
        this.resumed = resumed;
    }

    /** pgjdbc's COPY methods, looked up once: {@code CopyManager.copyIn(String)} and its {@code CopyIn}'s calls. */
    private record CopyCalls(Method copyIn, Method writeToCopy, Method endCopy, Method cancelCopy, Method isActive) {
    }

    /** The COPY path of this connection, if it is (or wraps) a pgjdbc connection; for a resumed run or not. */
    static Optional<PostgresCopy> of(Connection c, boolean resumed) {
        try {
            Optional<Class<?>> pg = BulkUpsert.driverClass(c, "org.postgresql.PGConnection");
            if (pg.isEmpty()) {
                return Optional.empty();
            }
            Object api = pg.get().getMethod("getCopyAPI").invoke(c.unwrap(pg.get()));
            ClassLoader loader = pg.get().getClassLoader();
            Class<?> in = Class.forName("org.postgresql.copy.CopyIn", false, loader);
            Class<?> operation = Class.forName("org.postgresql.copy.CopyOperation", false, loader);
            CopyCalls calls = new CopyCalls(
                    Class.forName("org.postgresql.copy.CopyManager", false, loader).getMethod("copyIn", String.class),
                    in.getMethod("writeToCopy", byte[].class, int.class, int.class), in.getMethod("endCopy"),
                    operation.getMethod("cancelCopy"), operation.getMethod("isActive"));
            return Optional.of(new PostgresCopy(api, calls, resumed));
        } catch (ReflectiveOperationException | SQLException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    @Override
    public int upsert(Connection c, Dialect dialect, String table, List<Column> columns, List<String> keys,
            Collection<JsonNode> records, String where, boolean onlyChange) throws SQLException {
        String cols = BulkUpsert.columnList(dialect, columns);
        if (direct == null) {
            direct = DirectLoad.allowed(c, dialect, table, keys, resumed);
        }
        if (direct) {
            // a savepoint only where the transaction holds more than this load (a table created or altered for
            // this page): a subtransaction costs the COPY about 6 % in the bench
            Savepoint before = onlyChange ? null : c.setSavepoint();
            try {
                copy(dialect.quote(table), cols, columns, records, table, where);
                if (before != null) {
                    c.releaseSavepoint(before);
                }
                return records.size();
            } catch (SQLException e) {
                if (!DirectLoad.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // a key is already in the table (repeated by the source or written by someone else): undo the
                // load and upsert this page and the rest of the run, as if the table had not been empty
                if (before != null) {
                    c.rollback(before);
                } else {
                    c.rollback();
                }
                direct = false;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pg_temp." + STAGE);
            s.execute("CREATE TEMP TABLE " + STAGE + " (LIKE " + dialect.quote(table) + " INCLUDING DEFAULTS) "
                    + "ON COMMIT DROP");
        }
        copy(STAGE, cols, columns, records, table, where);
        BulkUpsert.upsertFromStage(c, dialect, table, STAGE, columns, keys);
        return records.size();
    }

    /**
     * Streams the records into one COPY: chunks go to the server while later rows are encoded. A value refused
     * half-way (or any other failure) cancels the COPY before the exception leaves, so the connection is back
     * in its transaction, which the caller rolls back (or back to its savepoint).
     */
    private void copy(String into, String cols, List<Column> columns, Collection<JsonNode> records, String table,
            String where) throws SQLException {
        boolean inBinary = CopyBinary.writes(columns);
        Object copy = call(calls.copyIn(), copyManager, table, where,
                "COPY " + into + " (" + cols + ") FROM STDIN (FORMAT " + (inBinary ? "binary" : "csv") + ")");
        boolean ended = false;
        try {
            CopyBuffer.Chunks chunks = (bytes, length) -> call(calls.writeToCopy(), copy, table, where, bytes, 0, length);
            if (inBinary) {
                binary.write(columns, records, where, chunks);
            } else {
                csv.write(columns, records, where, chunks);
            }
            call(calls.endCopy(), copy, table, where);
            ended = true;
        } finally {
            if (!ended && Boolean.TRUE.equals(call(calls.isActive(), copy, table, where))) {
                try {
                    call(calls.cancelCopy(), copy, table, where);
                } catch (SQLException | RuntimeException expected) {
                    // cancelling answers with the server's "COPY cancelled" error; the first failure is the one to report
                }
            }
        }
    }

    /** One pgjdbc call by reflection, its SQLException unwrapped. */
    private static Object call(Method method, Object target, String table, String where, Object... args)
            throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new JdbcException(where + ": COPY into " + table + " failed: " + e.getCause(),
                    "nothing of the page was committed; rerun to resume", e.getCause());
        } catch (IllegalAccessException e) {
            throw new JdbcException(where + ": the pgjdbc CopyManager is not accessible: " + e.getMessage(),
                    "use batched inserts (bulkLoad(false) on the JdbcSink builder)", e);
        }
    }
}
