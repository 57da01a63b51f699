package dev.inlet.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresMetricHistoryTest extends MetricHistoryContract {

    private static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = new Postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }
}
