package dev.inlet.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresMetricHistoryTest extends MetricHistoryContract {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }
}
