package dev.inlet.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of {@link MetricHistory}: its four tables and every statement over them, each identifier quoted by
 * {@link Dialect#quote(String)}. Always quoted, in creation and use alike, because a column is named
 * {@code value} (a keyword in H2 and the SQL standard) and because a database that folds unquoted names to upper
 * case (H2) would otherwise create one spelling and write another. Quoted lower-case names are also what the
 * unquoted tables of earlier versions are called on PostgreSQL (folds to lower case), DuckDB and SQLite
 * (case-insensitive) and MySQL (case-insensitive columns), so existing histories keep working unchanged.
 */
final class MetricTables {

    static final String HISTORY = "inlet_metric_history";
    static final String CHANGES = "inlet_metric_changes";
    static final String COMPUTATIONS = "inlet_metric_computations";
    static final String RUNS = "inlet_metric_runs";

    private static final List<String> BUCKET = List.of("metric", "grain", "bucket_start", "dimensions");

    private final Dialect d;

    MetricTables(Dialect dialect) {
        this.d = dialect;
    }

    /** The {@code CREATE TABLE IF NOT EXISTS} statements, values as {@code DECIMAL(38, scale)}. */
    List<String> create(int scale) {
        // MySQL cannot index unbounded text: key columns there are VARCHAR(255)
        String key = d == Dialect.MYSQL ? "VARCHAR(255)" : d.textType();
        String text = d.textType();
        String num = "DECIMAL(38," + scale + ")";
        String ts = d.timestampType();
        return List.of(
                table(HISTORY, "metric " + key + " NOT NULL", "grain " + key + " NOT NULL",
                        "bucket_start " + ts + " NOT NULL", "dimensions " + key + " NOT NULL",
                        "value " + num + " NOT NULL", "computed_at " + ts + " NOT NULL",
                        "computation_id " + key + " NOT NULL", "PRIMARY KEY (" + names(BUCKET) + ")"),
                table(CHANGES, "computation_id " + key + " NOT NULL", "metric " + key + " NOT NULL",
                        "grain " + key + " NOT NULL", "bucket_start " + ts + " NOT NULL",
                        "dimensions " + key + " NOT NULL", "previous_value " + num, "value " + num + " NOT NULL",
                        "computed_at " + ts + " NOT NULL"),
                table(COMPUTATIONS, "computation_id " + key + " PRIMARY KEY", "computed_at " + ts + " NOT NULL",
                        "unplaced BIGINT NOT NULL"),
                table(RUNS, "computation_id " + key + " NOT NULL", "connector " + key + " NOT NULL",
                        "stream " + key + " NOT NULL", "position_from " + text + " NOT NULL",
                        "position_to " + text + " NOT NULL", "fetched_at " + ts + " NOT NULL",
                        "records_read BIGINT NOT NULL", "quarantined BIGINT NOT NULL"));
    }

    /** Replaces a bucket's row: metric, grain, bucket_start, dimensions, value, computed_at, computation_id. */
    String upsertPoint() {
        return d.upsert(HISTORY, List.of("metric", "grain", "bucket_start", "dimensions", "value", "computed_at",
                "computation_id"), BUCKET);
    }

    /** A bucket's stored value; binds metric, grain, bucket_start, dimensions. */
    String previousValue() {
        return select(HISTORY, List.of("value"), BUCKET, List.of());
    }

    /** Records one bucket's change. */
    String insertChange() {
        return insert(CHANGES, "computation_id", "metric", "grain", "bucket_start", "dimensions", "previous_value",
                "value", "computed_at");
    }

    /** Records one computation. */
    String insertComputation() {
        return insert(COMPUTATIONS, "computation_id", "computed_at", "unplaced");
    }

    /** Records one run a computation read. */
    String insertRun() {
        return insert(RUNS, "computation_id", "connector", "stream", "position_from", "position_to", "fetched_at",
                "records_read", "quarantined");
    }

    /** A metric's points at a grain in {@code [from, to)}; binds metric, grain, from, to. */
    String selectSeries() {
        return "SELECT " + names(List.of("bucket_start", "dimensions", "value", "computed_at", "computation_id"))
                + " FROM " + d.quote(HISTORY) + " WHERE " + d.quote("metric") + " = ? AND " + d.quote("grain")
                + " = ? AND " + d.quote("bucket_start") + " >= ? AND " + d.quote("bucket_start") + " < ? ORDER BY "
                + names(List.of("bucket_start", "dimensions"));
    }

    /** The runs of a computation; binds computation_id. */
    String selectRuns() {
        return select(RUNS, List.of("connector", "stream", "position_from", "position_to", "fetched_at",
                "records_read", "quarantined"), List.of("computation_id"), List.of("fetched_at", "connector"));
    }

    /** Every change of a bucket, oldest first; binds metric, grain, bucket_start, dimensions. */
    String selectChanges() {
        return select(CHANGES, List.of("computation_id", "computed_at", "previous_value", "value"), BUCKET,
                List.of("computed_at"));
    }

    private String table(String name, String... columns) {
        return "CREATE TABLE IF NOT EXISTS " + d.quote(name) + " (" + Arrays.stream(columns)
                .map(c -> c.startsWith("PRIMARY KEY") ? c : d.quote(c.substring(0, c.indexOf(' ')))
                        + c.substring(c.indexOf(' ')))
                .collect(Collectors.joining(", ")) + ")";
    }

    private String insert(String table, String... columns) {
        return "INSERT INTO " + d.quote(table) + " (" + names(List.of(columns)) + ") VALUES ("
                + Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private String select(String table, List<String> columns, List<String> where, List<String> orderBy) {
        return "SELECT " + names(columns) + " FROM " + d.quote(table) + " WHERE " + where.stream()
                .map(c -> d.quote(c) + " = ?").collect(Collectors.joining(" AND "))
                + (orderBy.isEmpty() ? "" : " ORDER BY " + names(orderBy));
    }

    private String names(List<String> columns) {
        return columns.stream().map(d::quote).collect(Collectors.joining(", "));
    }
}
