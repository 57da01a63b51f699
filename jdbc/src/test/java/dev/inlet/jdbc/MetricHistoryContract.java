package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.metrics.Aggregation;
import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.TimeSeries;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MetricHistory guarantees, run against each database by a subclass. */
@Timeout(60)
abstract class MetricHistoryContract {

    record Sale(Instant at, String region, BigDecimal amount) {
    }

    abstract DataSource dataSource();

    /**
     * Where an earlier version could create and write its tables, and where its users go on opening them (H2:
     * only with the settings its SQL needed, and a database made with {@code DATABASE_TO_LOWER} keeps its tables
     * in a schema {@code public} that a plain URL does not use, so such a URL must stay as it was).
     */
    DataSource legacyDataSource() {
        return dataSource();
    }

    @BeforeEach
    void clean() throws Exception {
        // quoted, as MetricHistory names them: H2 would take unquoted names as upper-case ones
        Sql.run(dataSource(), "DROP TABLE IF EXISTS \"inlet_metric_history\"",
                "DROP TABLE IF EXISTS \"inlet_metric_changes\"", "DROP TABLE IF EXISTS \"inlet_metric_computations\"",
                "DROP TABLE IF EXISTS \"inlet_metric_runs\"");
    }

    private static TimeSeries daily(List<Sale> sales) {
        return Aggregation.<Sale>builder(Sale::at).grain(Grain.DAY).zone(ZoneOffset.UTC)
                .dimension("region", Sale::region).sum("revenue", Sale::amount).build().aggregate(sales.stream());
    }

    private static Sale sale(String day, String region, String amount) {
        return new Sale(Instant.parse(day + "T10:00:00Z"), region, new BigDecimal(amount));
    }

    @Test
    void storesUpsertsAndQueriesATimeSeriesWithItsLineage() {
        MetricHistory history = MetricHistory.in(dataSource(), Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"),
                ZoneOffset.UTC));
        RunLineage run = new RunLineage("shop", "orders", "{\"v\":1}", "end", Instant.parse("2026-01-31T23:00:00Z"),
                4, 1);
        String first = history.store(daily(List.of(sale("2026-01-01", "eu", "10.50"), sale("2026-01-01", "eu", "2"),
                sale("2026-01-02", "us", "7"), sale("2026-01-03", "eu", "1"))), List.of(run));
        // a late sale arrives: the recomputation replaces 2026-01-02 and keeps the others
        String second = history.store(daily(List.of(sale("2026-01-02", "us", "7"), sale("2026-01-02", "us", "3"))),
                List.of(run));

        List<StoredPoint> january = history.series("revenue", Grain.DAY, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(january).extracting(p -> p.start().toString(), StoredPoint::dimensions, StoredPoint::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-01-01T00:00:00Z", Map.of("region", "eu"),
                                new BigDecimal("12.5")),
                        org.assertj.core.groups.Tuple.tuple("2026-01-02T00:00:00Z", Map.of("region", "us"),
                                new BigDecimal("10")));
        assertThat(january.get(1).computationId()).isEqualTo(second);
        assertThat(history.changes("revenue", Grain.DAY, Instant.parse("2026-01-02T00:00:00Z"), Map.of("region", "us")))
                .extracting(PointChange::computationId, c -> c.previous().map(BigDecimal::toPlainString).orElse("-"),
                        c -> c.value().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, "-", "7"),
                        org.assertj.core.groups.Tuple.tuple(second, "7", "10"));
        assertThat(history.runs(first)).containsExactly(run);
    }

    @Test
    void refusesAValueThatWouldBeRounded() {
        MetricHistory history = MetricHistory.in(dataSource());
        TimeSeries series = daily(List.of(sale("2026-01-01", "eu", "0.00000000001")));
        assertThatThrownBy(() -> history.store(series, List.of()))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("without rounding");
        assertThat(history.series("revenue", Grain.DAY, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aHistoryCreatedByAnEarlierVersionWithUnquotedNamesIsReadAndUpsertedInPlace() throws Exception {
        // the DDL and a row exactly as versions before the consistent quoting wrote them
        OffsetDateTime jan1 = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        try (Connection c = legacyDataSource().getConnection(); Statement s = c.createStatement()) {
            Dialect d = Dialect.of(c);
            String t = d.textType();
            String ts = d.timestampType();
            s.execute("CREATE TABLE inlet_metric_history (metric " + t + " NOT NULL, grain " + t + " NOT NULL, "
                    + "bucket_start " + ts + " NOT NULL, dimensions " + t + " NOT NULL, value DECIMAL(38,10) NOT NULL, "
                    + "computed_at " + ts + " NOT NULL, computation_id " + t + " NOT NULL, "
                    + "PRIMARY KEY (metric, grain, bucket_start, dimensions))");
            s.execute("CREATE TABLE inlet_metric_changes (computation_id " + t + " NOT NULL, metric " + t
                    + " NOT NULL, grain " + t + " NOT NULL, bucket_start " + ts + " NOT NULL, dimensions " + t
                    + " NOT NULL, previous_value DECIMAL(38,10), value DECIMAL(38,10) NOT NULL, computed_at " + ts
                    + " NOT NULL)");
            s.execute("CREATE TABLE inlet_metric_computations (computation_id " + t + " PRIMARY KEY, computed_at "
                    + ts + " NOT NULL, unplaced BIGINT NOT NULL)");
            s.execute("CREATE TABLE inlet_metric_runs (computation_id " + t + " NOT NULL, connector " + t
                    + " NOT NULL, stream " + t + " NOT NULL, position_from " + t + " NOT NULL, position_to " + t
                    + " NOT NULL, fetched_at " + ts + " NOT NULL, records_read BIGINT NOT NULL, "
                    + "quarantined BIGINT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inlet_metric_history (metric, grain, "
                    + "bucket_start, dimensions, value, computed_at, computation_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Object[] row = {"revenue", "DAY", jan1, "{\"region\":\"eu\"}", new BigDecimal("12.5"), jan1, "old"};
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }

        // CREATE TABLE IF NOT EXISTS with quoted lower-case names: finds the old tables, creates nothing
        MetricHistory history = MetricHistory.in(legacyDataSource());
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(history.series("revenue", Grain.DAY, from, to)).extracting(StoredPoint::computationId,
                StoredPoint::value).containsExactly(org.assertj.core.groups.Tuple.tuple("old", new BigDecimal("12.5")));
        String recomputed = history.store(daily(List.of(sale("2026-01-01", "eu", "13"))), List.of());
        assertThat(history.series("revenue", Grain.DAY, from, to)).extracting(StoredPoint::computationId,
                StoredPoint::value).containsExactly(org.assertj.core.groups.Tuple.tuple(recomputed, new BigDecimal("13")));
        assertThat(history.changes("revenue", Grain.DAY, from, Map.of("region", "eu")))
                .extracting(c -> c.previous().map(BigDecimal::toPlainString).orElse("-"), c -> c.value().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("12.5", "13"));
        assertThat(Sql.count(legacyDataSource(), "SELECT COUNT(*) FROM inlet_metric_history")).isEqualTo(1);
    }
}
