package dev.inlet.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class DuckDbJdbcSinkTest extends JdbcSinkContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:duckdb:" + dir.resolve("sink.duckdb"));
    }
}
