package dev.inlet.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSqlSourceTest extends SqlSourceContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:duckdb:" + dir.resolve("test.duckdb"));
    }
}
