package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.metrics.Aggregation;
import dev.inlet.core.metrics.Grain;
import dev.inlet.core.metrics.TimeSeries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

    @BeforeEach
    void clean() throws Exception {
        Sql.run(dataSource(), "DROP TABLE IF EXISTS inlet_metric_history", "DROP TABLE IF EXISTS inlet_metric_changes",
                "DROP TABLE IF EXISTS inlet_metric_computations", "DROP TABLE IF EXISTS inlet_metric_runs");
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
}
