package dev.inlet.jdbc;

import dev.inlet.core.Connector;
import dev.inlet.core.ConnectorRun;
import dev.inlet.core.Json;
import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.state.ConnectorState;
import dev.inlet.core.state.CursorFormat;
import dev.inlet.core.state.IncrementalSync;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Writes any connector's records into a table, exactly once: each page's rows and the connector's state (its
 * {@link Position} and incremental cursor, in a {@link JdbcStateStore} table) are committed in the SAME
 * transaction, so a crash between or during pages neither loses nor repeats a row; the next run resumes after
 * the last committed page.
 *
 * <pre>{@code
 * JdbcSink sink = JdbcSink.builder(dataSource, "orders")
 *         .primaryKey("id")                       // upsert key
 *         .createTable(true)                      // from the first page's fields (default false)
 *         .schemaContract(SchemaContract.EVOLVE)  // required: EVOLVE, FREEZE or DISCARD
 *         .build();
 * SinkReport report = sink.write(connector);
 * }</pre>
 *
 * <p>Incremental: with {@link Builder#cursorField(String)} the greatest cursor written is kept in the state,
 * and {@link #write(String, Function)} builds each run's connector for {@code since = cursor - lookback}; rows
 * re-read by the lookback are upserted again (replaced, not duplicated). With {@link Builder#cursorFormat} the
 * cursor is read as core's {@link IncrementalSync} reads it (epoch numbers are times the lookback moves; a value
 * further in the future than {@link Builder#futureCursorTolerance} is not kept). Defaults: batch of
 * {@value #DEFAULT_BATCH_SIZE} rows, state table {@value JdbcStateStore#DEFAULT_TABLE}, lookback zero.
 * Immutable and thread-safe; runs for one state name must not overlap.
 */
public final class JdbcSink {

    /** Rows per JDBC batch unless set. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSink.class);

    private final DataSource dataSource;
    private final String table;
    private final List<String> primaryKey;
    private final boolean createTable;
    private final SchemaContract contract;
    private final int batchSize;
    private final CursorValues cursors;
    private final Duration futureTolerance;
    private final String cursorField;
    private final Duration lookback;
    private final String startAt;
    private final Consumer<SinkReport> afterCommit;
    private final Clock clock;
    private final JdbcStateStore state;
    private final Dialect dialect;
    private final boolean bulkLoad;

    private JdbcSink(Builder b, Dialect dialect) {
        this.dataSource = b.dataSource;
        this.table = b.table;
        this.primaryKey = List.copyOf(b.primaryKey);
        this.createTable = b.createTable;
        this.contract = b.contract;
        this.batchSize = b.batchSize;
        this.cursorField = b.cursorField;
        this.futureTolerance = b.futureTolerance;
        this.cursors = new CursorValues(b.cursorField == null ? "" : b.cursorField, b.cursorFormat, b.futureTolerance);
        this.lookback = b.lookback;
        this.startAt = b.startAt;
        this.afterCommit = b.afterCommit;
        this.clock = b.clock;
        this.dialect = dialect;
        this.bulkLoad = b.bulkLoad;
        this.state = JdbcStateStore.in(dataSource, b.stateTable);
    }

    /** A builder writing into this table. */
    public static Builder builder(DataSource dataSource, String table) {
        return new Builder(dataSource, table);
    }

    /** The store holding each connector's position and cursor (the same table the pages commit with). */
    public JdbcStateStore stateStore() {
        return state;
    }

    /** Writes the connector's records, resuming after the last committed page of a run under its name. */
    public SinkReport write(Connector<?> connector) {
        return write(connector.name(), since -> connector);
    }

    /**
     * Writes the records of the connector the factory builds for the run's since (on the first run the
     * {@link Builder#startAt(String) start}, or empty; the saved cursor minus the lookback after), resuming an
     * interrupted run with its own since.
     */
    public SinkReport write(String name, Function<Optional<String>, ? extends Connector<?>> factory) {
        Objects.requireNonNull(factory, "factory");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return run(c, name, factory);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcException("writing " + name + " into " + table + " failed (SQL state " + e.getSQLState()
                    + "): " + e.getMessage(), "nothing of the failed page was committed; rerun to resume", e);
        }
    }

    private SinkReport run(Connection c, String name, Function<Optional<String>, ? extends Connector<?>> factory)
            throws SQLException {
        ConnectorState current = state.load(c, name).orElse(ConnectorState.empty());
        c.commit();
        Optional<Position> resume = current.position();
        // An interrupted run keeps its own since, so its saved position belongs to the same window.
        Optional<String> since = resume.isPresent() ? current.since()
                : current.cursor().map(cursor -> cursors.minus(cursor, lookback)).or(() -> Optional.ofNullable(startAt));
        current = current.withSince(since);
        TableWriter writer = new TableWriter(dialect, table, primaryKey, createTable, contract, batchSize, bulkLoad,
                resume.isPresent());
        int pages = 0;
        long rows = 0;
        boolean completed = false;
        try (ConnectorRun<?> run = factory.apply(since).open(current.nextRunStart())) {
            Iterator<? extends Page<?>> it = run.pages().iterator();
            while (it.hasNext()) {
                Page<?> page = it.next();
                List<JsonNode> records = new ArrayList<>(page.records().size());
                for (Object r : page.records()) {
                    records.add(r instanceof JsonNode n ? n : Json.mapper().valueToTree(r));
                }
                String where = name + " into " + table + " at " + page.position().describe();
                writer.prepare(c, records);
                rows += writer.write(c, records, where);
                Optional<String> cursor = current.cursor();
                if (cursorField != null) {
                    long[] future = {0};
                    cursor = cursors.max(cursor, records, where, clock.instant(), future);
                    if (future[0] > 0) {
                        LOG.warn("{}: {} record(s) with a cursor ({}) beyond now plus {}; delivered, but the cursor "
                                + "is not moved there (it would make every later run ask for nothing)", where,
                                future[0], cursorField, futureTolerance);
                    }
                }
                current = current.withCursor(cursor).withUpdatedAt(clock.instant());
                current = page.next().isPresent() ? current.withPosition(page.next().get(), false)
                        : current.withoutPosition().withContinuation(page.continuation())
                                .withLastCompletedAt(clock.instant());
                state.save(c, name, current);
                c.commit();
                pages++;
                completed = page.isLast();
                afterCommit.accept(new SinkReport(name, resume, pages, rows, writer.added(), writer.discarded(),
                        completed));
            }
        }
        return new SinkReport(name, resume, pages, rows, writer.added(), writer.discarded(), completed);
    }

    @Override
    public String toString() {
        return "JdbcSink[" + table + " by " + primaryKey + ", " + contract + "]";
    }

    /** Builds a {@link JdbcSink}; {@code primaryKey} and {@code schemaContract} are required. */
    public static final class Builder {
        private final DataSource dataSource;
        private final String table;
        private List<String> primaryKey = List.of();
        private boolean createTable;
        private SchemaContract contract;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private String cursorField;
        private CursorFormat cursorFormat;
        private Duration futureTolerance = IncrementalSync.DEFAULT_FUTURE_TOLERANCE;
        private Duration lookback = Duration.ZERO;
        private String startAt;
        private String stateTable = JdbcStateStore.DEFAULT_TABLE;
        private Consumer<SinkReport> afterCommit = report -> { };
        private Clock clock = Clock.systemUTC();
        private boolean bulkLoad = true;
        private TableSchema schema;

        private Builder(DataSource dataSource, String table) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.table = Objects.requireNonNull(table, "table");
        }

        /** The record fields (= columns) of the primary key: a row with the same key is replaced. */
        public Builder primaryKey(String... columns) {
            this.primaryKey = List.of(columns);
            return this;
        }

        /**
         * Whether to create a missing table (default false: a missing table is an error at {@link #build()}): from
         * the {@link #schema(JsonNode) schema} or {@link #recordType(Class) record type} at build time if given,
         * else from the first page's values.
         */
        public Builder createTable(boolean create) {
            this.createTable = create;
            return this;
        }

        /**
         * The stream's JSON Schema (an object schema with {@code properties}): a missing table is created from it
         * at {@link #build()} (with {@code createTable(true)}), an existing one is checked against it there. A
         * property's {@code type} (one of string, integer, number, boolean, object, array, optionally with
         * {@code "null"}) and {@code format} ({@code date-time}, {@code date}) choose its column type; see
         * docs/databases.md.
         *
         * @throws JdbcConfigurationException for a property the sink cannot map to one column type
         */
        public Builder schema(JsonNode jsonSchema) {
            this.schema = TableSchema.fromJsonSchema(Objects.requireNonNull(jsonSchema, "jsonSchema"));
            return this;
        }

        /**
         * The stream's record type, as {@link #schema(JsonNode)}: one column per component, typed by its Java type
         * (integers, {@code BigDecimal}, doubles, booleans, {@code Instant}/{@code OffsetDateTime}, {@code LocalDate},
         * text for strings and enums, JSON text for collections and nested records).
         *
         * @throws JdbcConfigurationException for a component type the sink cannot map (e.g. {@code LocalDateTime})
         */
        public Builder recordType(Class<? extends Record> type) {
            this.schema = TableSchema.fromRecordType(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** What to do with a field that has no column; required, there is no default. */
        public Builder schemaContract(SchemaContract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** Rows per JDBC batch (default {@value JdbcSink#DEFAULT_BATCH_SIZE}). */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * The field whose greatest value is kept as the incremental cursor (ISO-8601 instants or numbers): a
         * top-level field name ({@code updated_at}) or a JSON Pointer ({@code /attributes/updated_at}).
         */
        public Builder cursorField(String field) {
            this.cursorField = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * How the cursor is written (default none: ISO-8601 instants compared as time, anything else as numbers, and
         * the lookback moves only instants). With a format every value must be in it, epoch seconds and milliseconds
         * are moved by the lookback too, and a value beyond {@link #futureCursorTolerance(Duration)} is not kept — the
         * semantics of core's {@link IncrementalSync}, whose since the connector factory then receives.
         */
        public Builder cursorFormat(CursorFormat format) {
            this.cursorFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * With a {@link #cursorFormat(CursorFormat)}: how far after now (the {@link #clock(Clock) clock}'s) a cursor
         * value may lie and still be kept (default {@link IncrementalSync#DEFAULT_FUTURE_TOLERANCE}, 5 minutes). A
         * record beyond it is written, but the cursor does not move to it; a WARN is logged.
         */
        public Builder futureCursorTolerance(Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("futureCursorTolerance must not be negative, was " + tolerance);
            }
            this.futureTolerance = tolerance;
            return this;
        }

        /** How far before the saved cursor the next run starts, for late rows (default zero). */
        public Builder lookback(Duration lookback) {
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("lookback must not be negative, was " + lookback);
            }
            this.lookback = lookback;
            return this;
        }

        /**
         * The first run's since, while no cursor is saved, in the cursor's format (default none: the factory gets
         * an empty since). Kept with the run's state, so an interrupted first run resumes in this window.
         */
        public Builder startAt(String since) {
            this.startAt = Objects.requireNonNull(since, "since");
            return this;
        }

        /** The state table (default {@value JdbcStateStore#DEFAULT_TABLE}). */
        public Builder stateTable(String table) {
            this.stateTable = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Called after each page's commit with the run's totals so far (progress, tests). */
        public Builder afterCommit(Consumer<SinkReport> listener) {
            this.afterCommit = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether a page may go through the database's bulk path when the driver offers one (default true):
         * on PostgreSQL with the pgjdbc driver, {@code COPY} into a temporary table, and on DuckDB the driver's
         * appender into a temporary table, then one {@code INSERT ... SELECT ... ON CONFLICT} from it, in the
         * page's transaction (several times faster than batched inserts). On PostgreSQL a run that starts on an
         * empty table with a unique index on the key copies its pages straight into the table, each under a
         * savepoint, and goes back to the staged upsert at the first key already there (see docs/databases.md).
         * Values are checked the same way; with {@code false}, or without such a driver, rows
         * go as batched upserts of {@link #batchSize(int)} rows.
         */
        public Builder bulkLoad(boolean allowed) {
            this.bulkLoad = allowed;
            return this;
        }

        /** The clock of the state's timestamps (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the sink, creating the state table if missing.
         *
         * @throws JdbcConfigurationException if the primary key or the schema contract is missing
         */
        public JdbcSink build() {
            if (primaryKey.isEmpty()) {
                throw new JdbcConfigurationException("a JdbcSink into " + table + " needs primaryKey(...): rows are "
                        + "upserted by it, which is what makes a repeated page harmless");
            }
            if (contract == null) {
                throw new JdbcConfigurationException("a JdbcSink into " + table + " needs an explicit schemaContract("
                        + "EVOLVE | FREEZE | DISCARD) for fields that have no column");
            }
            try (Connection c = dataSource.getConnection()) {
                Dialect d = Dialect.of(c);
                d.quote(table);
                primaryKey.forEach(d::quote);
                SinkTarget.check(c, d, table, primaryKey, schema, contract, createTable);
                return new JdbcSink(this, d);
            } catch (SQLException e) {
                throw new JdbcException("cannot connect to check the sink into " + table + ": " + e.getMessage(),
                        "check the DataSource", e);
            }
        }
    }
}
