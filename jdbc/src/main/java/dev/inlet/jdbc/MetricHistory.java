package dev.inlet.jdbc;

import dev.inlet.core.Json;
import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.Point;
import dev.inlet.core.metrics.TimeSeries;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * The history of computed metrics, in the database: one row per (metric, grain, bucket start, dimensions) in
 * {@code inlet_metric_history}, replaced when the bucket is recomputed, and its lineage: every computation's
 * runs ({@code inlet_metric_runs}: connector, stream, position range, fetched-at, records read, quarantined),
 * the records no bucket held ({@code inlet_metric_computations.unplaced}) and each bucket's value before and
 * after ({@code inlet_metric_changes}). So "where did this number come from, and was anything left out?" is one
 * join on {@code computation_id}.
 *
 * <pre>{@code
 * MetricHistory history = MetricHistory.in(dataSource);      // creates the tables if missing
 * String id = history.store(dailyRevenue, List.of(RunLineage.of(report, "orders", Position.start())));
 * List<StoredPoint> q4 = history.series("revenue", Grain.DAY, from, to);
 * }</pre>
 *
 * <p>Values keep at most {@value #SCALE} decimal places (a value with more is refused, never rounded). Thread-safe.
 */
public final class MetricHistory {

    /** Decimal places a stored value may have. */
    public static final int SCALE = 10;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final MetricTables sql;
    private final Clock clock;

    private MetricHistory(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.sql = new MetricTables(dialect);
        this.clock = clock;
    }

    /** The history in this database, with the UTC system clock; creates its tables if missing. */
    public static MetricHistory in(DataSource dataSource) {
        return in(dataSource, Clock.systemUTC());
    }

    /** The history in this database, stamping computations with this clock; creates its tables if missing. */
    public static MetricHistory in(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Dialect d = Dialect.of(c);
            for (String create : new MetricTables(d).create(SCALE)) {
                s.execute(create);
            }
            return new MetricHistory(dataSource, d, clock);
        } catch (SQLException e) {
            throw new JdbcException("cannot create the metric history tables: " + e.getMessage(),
                    "check the DataSource and that the user may create tables", e);
        }
    }

    /**
     * Stores every value of the series (replacing the buckets' previous values) with the runs it was computed
     * from, in one transaction; returns the computation's id.
     *
     * @throws JdbcConfigurationException if a value has more than {@value #SCALE} decimal places
     */
    public String store(TimeSeries series, List<RunLineage> runs) {
        Objects.requireNonNull(series, "series");
        List<RunLineage> lineage = List.copyOf(runs);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                storeIn(c, series, lineage, id, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcException("storing metrics " + series.metricNames() + " failed (SQL state " + e.getSQLState()
                    + "): " + e.getMessage(), "nothing was stored; store the series again", e);
        }
        return id;
    }

    private void storeIn(Connection c, TimeSeries series, List<RunLineage> runs, String id, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement previous = c.prepareStatement(sql.previousValue());
                PreparedStatement write = c.prepareStatement(sql.upsertPoint());
                PreparedStatement change = c.prepareStatement(sql.insertChange())) {
            for (Point point : series.points()) {
                OffsetDateTime start = OffsetDateTime.ofInstant(point.instant(), ZoneOffset.UTC);
                String dims = dimensions(point.dimensions());
                for (Map.Entry<String, BigDecimal> v : point.values().entrySet()) {
                    if (v.getValue() == null) {
                        continue; // no value (e.g. the average of an empty bucket): nothing to store
                    }
                    BigDecimal value = checked(v.getKey(), point, v.getValue());
                    previous.setString(1, v.getKey());
                    previous.setString(2, series.grain().name());
                    previous.setObject(3, start);
                    previous.setString(4, dims);
                    BigDecimal before = null;
                    try (ResultSet rs = previous.executeQuery()) {
                        if (rs.next()) {
                            before = rs.getBigDecimal(1);
                        }
                    }
                    Object[] row = {v.getKey(), series.grain().name(), start, dims, value, now, id};
                    for (int i = 0; i < row.length; i++) {
                        write.setObject(i + 1, row[i]);
                    }
                    write.addBatch();
                    Object[] delta = {id, v.getKey(), series.grain().name(), start, dims, before, value, now};
                    for (int i = 0; i < delta.length; i++) {
                        if (delta[i] == null) {
                            change.setNull(i + 1, java.sql.Types.DECIMAL);
                        } else {
                            change.setObject(i + 1, delta[i]);
                        }
                    }
                    change.addBatch();
                }
            }
            write.executeBatch();
            change.executeBatch();
        }
        try (PreparedStatement computation = c.prepareStatement(sql.insertComputation());
                PreparedStatement run = c.prepareStatement(sql.insertRun())) {
            computation.setString(1, id);
            computation.setObject(2, now);
            computation.setLong(3, series.unplaced());
            computation.executeUpdate();
            for (RunLineage r : runs) {
                run.setString(1, id);
                run.setString(2, r.connector());
                run.setString(3, r.stream());
                run.setString(4, r.positionFrom());
                run.setString(5, r.positionTo());
                run.setObject(6, OffsetDateTime.ofInstant(r.fetchedAt(), ZoneOffset.UTC));
                run.setLong(7, r.recordsRead());
                run.setLong(8, r.quarantined());
                run.addBatch();
            }
            if (!runs.isEmpty()) {
                run.executeBatch();
            }
        }
    }

    private static BigDecimal checked(String metric, Point point, BigDecimal value) {
        BigDecimal v = value.scale() > SCALE ? value.stripTrailingZeros() : value;
        if (v.scale() > SCALE || v.precision() - v.scale() > 38 - SCALE) {
            throw new JdbcConfigurationException("metric " + metric + " at " + point.start() + " is " + value
                    + ", which does not fit DECIMAL(38," + SCALE + ") without rounding; round it in the aggregation "
                    + "(e.g. averageScale) before storing");
        }
        return v;
    }

    private static String dimensions(Map<String, String> dims) {
        return Json.mapper().writeValueAsString(new TreeMap<>(dims));
    }

    /** The stored values of a metric at a grain with a bucket start in {@code [from, to)}, by start then dimensions. */
    public List<StoredPoint> series(String metric, Grain grain, Instant from, Instant to) {
        List<StoredPoint> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.selectSeries())) {
            ps.setString(1, metric);
            ps.setString(2, grain.name());
            ps.setObject(3, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(4, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPoint(metric, grain, rs.getObject(1, OffsetDateTime.class).toInstant(),
                            parseDimensions(rs.getString(2)), plain(rs.getBigDecimal(3)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading metric " + metric, e);
        }
        return out;
    }

    /** The runs a computation read: where its numbers came from and what each left out. */
    public List<RunLineage> runs(String computationId) {
        List<RunLineage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.selectRuns())) {
            ps.setString(1, computationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunLineage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading the runs of computation " + computationId, e);
        }
        return out;
    }

    /** Every computation of one bucket, oldest first, with the value each replaced: what recomputing changed. */
    public List<PointChange> changes(String metric, Grain grain, Instant start, Map<String, String> dimensions) {
        List<PointChange> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.selectChanges())) {
            ps.setString(1, metric);
            ps.setString(2, grain.name());
            ps.setObject(3, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            ps.setString(4, dimensions(dimensions));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal before = rs.getBigDecimal(3);
                    out.add(new PointChange(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(before).map(MetricHistory::plain),
                            plain(rs.getBigDecimal(4))));
                }
            }
        } catch (SQLException e) {
            throw failed("reading the changes of metric " + metric, e);
        }
        return out;
    }

    /** Without the trailing zeros a DECIMAL(38,10) column adds, and never in exponent form (10, not 1E+1). */
    private static BigDecimal plain(BigDecimal stored) {
        BigDecimal v = stored.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static Map<String, String> parseDimensions(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = Json.mapper().readTree(json);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    private static JdbcException failed(String what, SQLException e) {
        return new JdbcException(what + " from the metric history failed (SQL state " + e.getSQLState() + "): "
                + e.getMessage(), "check the connection", e);
    }

    @Override
    public String toString() {
        return "MetricHistory[" + dialect + "]";
    }
}
