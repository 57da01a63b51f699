package dev.inlet.examples.demo;

import dev.inlet.core.Connector;
import dev.inlet.core.Position;
import dev.inlet.core.RunReport;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.jdbc.DriverDataSource;
import dev.inlet.jdbc.JdbcSink;
import dev.inlet.jdbc.MetricHistory;
import dev.inlet.jdbc.RunLineage;
import dev.inlet.jdbc.SchemaContract;
import dev.inlet.jdbc.SinkReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The demo's database: an embedded DuckDB file (no server) holding the charges, written by a {@link JdbcSink}
 * with their state in the same transaction, and the daily metrics in a {@link MetricHistory} with lineage.
 */
final class DemoDatabase {

    /** The file, in the output directory. */
    static final String FILE = "inlet-demo.duckdb";

    private DemoDatabase() {
    }

    /** Writes the charges and the daily series, then prints a query over the history. */
    static void store(Path dir, Connector<?> charges, TimeSeries daily, RunReport dailyFrom, PrintStream out)
            throws SQLException {
        Path file = dir.resolve(FILE).toAbsolutePath();
        DataSource db = DriverDataSource.of("jdbc:duckdb:" + file);
        SinkReport written = JdbcSink.builder(db, "stripe_charges").primaryKey("id").createTable(true)
                .schemaContract(SchemaContract.EVOLVE).build().write(charges);
        MetricHistory.in(db).store(daily, List.of(RunLineage.of(dailyFrom, "charges", Position.start())));
        out.println("Wrote " + written.rows() + " charges and the daily metrics to DuckDB " + file);
        out.println("Revenue history with its lineage (first 5 days):");
        String sql = "SELECT CAST(h.bucket_start AS DATE) AS day, h.dimensions, h.value, r.connector, "
                + "r.records_read, r.quarantined FROM inlet_metric_history h JOIN inlet_metric_runs r "
                + "ON r.computation_id = h.computation_id WHERE h.metric = 'revenue' "
                + "ORDER BY h.bucket_start, h.dimensions LIMIT 5";
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.printf("  %s %-20s %10s  from %s (%d read, %d quarantined)%n", rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3).stripTrailingZeros().toPlainString(), rs.getString(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }
    }
}
