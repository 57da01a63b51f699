package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL text of each dialect, for the databases with no server in the tests (MySQL/MariaDB, Redshift,
 * Snowflake, BigQuery): detection by product name, quoting, keyset predicate and upsert.
 */
class DialectSqlTest {

    private static Connection product(String name) {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(DialectSqlTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> {
                    if (m.getName().equals("getDatabaseProductName")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (Connection) Proxy.newProxyInstance(DialectSqlTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("getMetaData")) {
                        return meta;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void detectsTheDialectFromTheProductName() throws Exception {
        assertThat(Dialect.of(product("MySQL"))).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of(product("MariaDB"))).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of(product("PostgreSQL"))).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of(product("Redshift"))).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of(product("DuckDB"))).isEqualTo(Dialect.DUCKDB);
        assertThat(Dialect.of(product("H2"))).isEqualTo(Dialect.H2);
        assertThat(Dialect.of(product("SQLite"))).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of(product("Snowflake"))).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.of(product("Google BigQuery"))).isEqualTo(Dialect.GENERIC);
    }

    @Test
    void mysqlQuotesWithBackticksExpandsTheKeysetAndUpsertsOnDuplicateKey() {
        Dialect d = Dialect.MYSQL;
        assertThat(d.quote("updated_at")).isEqualTo("`updated_at`");
        assertThat(d.keysetAfter("q.`updated_at`", "q.`id`"))
                .isEqualTo("(q.`updated_at` > ? OR (q.`updated_at` = ? AND q.`id` > ?))");
        assertThat(d.keysetBindsTwice()).isTrue();
        assertThat(d.upsert("items", List.of("id", "name", "price"), List.of("id"))).isEqualTo(
                "INSERT INTO `items` (`id`, `name`, `price`) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `price` = VALUES(`price`)");
        assertThat(d.upsert("items", List.of("id"), List.of("id"))).isEqualTo("INSERT INTO `items` (`id`) VALUES (?)");
    }

    @Test
    void theOtherDialectsUpsertTheirWayAndGenericOnlyInserts() {
        List<String> cols = List.of("id", "v");
        assertThat(Dialect.POSTGRESQL.upsert("t", cols, List.of("id"))).isEqualTo(
                "INSERT INTO \"t\" (\"id\", \"v\") VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\"");
        assertThat(Dialect.SQLITE.upsert("t", cols, List.of("id")))
                .isEqualTo(Dialect.POSTGRESQL.upsert("t", cols, List.of("id")));
        assertThat(Dialect.H2.upsert("t", cols, List.of("id")))
                .isEqualTo("MERGE INTO \"t\" (\"id\", \"v\") KEY (\"id\") VALUES (?, ?)");
        assertThat(Dialect.GENERIC.upsert("t", cols, List.of("id"))).isEqualTo("INSERT INTO \"t\" (\"id\", \"v\") VALUES (?, ?)");
        assertThat(Dialect.POSTGRESQL.keysetAfter("c", "k")).isEqualTo("(c, k) > (?, ?)");
        assertThat(Dialect.GENERIC.keysetAfter("c", "k")).isEqualTo("(c > ? OR (c = ? AND k > ?))");
    }

    @Test
    void refusesAnIdentifierThatWouldNeedEscaping() {
        assertThatThrownBy(() -> Dialect.MYSQL.quote("a`; DROP TABLE x"))
                .isInstanceOf(JdbcConfigurationException.class).hasMessageContaining("not usable");
    }
}
