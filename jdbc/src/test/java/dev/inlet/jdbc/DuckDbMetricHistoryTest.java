package dev.inlet.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class DuckDbMetricHistoryTest extends MetricHistoryContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:duckdb:" + dir.resolve("history.duckdb"));
    }
}
