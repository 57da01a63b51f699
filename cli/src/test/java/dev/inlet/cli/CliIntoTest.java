package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read --into JDBC-URL}: records into DuckDB (a file in a temp dir) and H2, in-process. */
class CliIntoTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeApi api;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        api = FakeApi.builder().path("/items").records(RecordSet.generate(25)).paging(Paging.offset())
                .auth(Auth.bearer(CliReadOptionsTest.TOKEN)).start();
        file = Files.writeString(dir.resolve("acme.yaml"), CliReadOptionsTest.ITEMS);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int read(String stream, String... more) {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("read", file.toString(), stream, "--base-url", api.baseUrl(),
                "--input", "token=" + CliReadOptionsTest.TOKEN));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void recordsGoIntoADuckDbFileUpsertedByThePrimaryKeyNothingOnStdout() throws SQLException {
        String url = "jdbc:duckdb:" + dir.resolve("acme.db");

        assertThat(read("items", "--into", url)).isZero();
        assertThat(out.size()).isZero();
        assertThat(err()).isEqualTo("inlet: 25 rows in 4 pages into items at " + url + "\n");

        // complete: the next run starts over and replaces the same rows (upsert), no duplicates
        assertThat(read("items", "--into", url, "--table", "items_copy")).isZero();
        assertThat(read("items", "--into", url)).isZero();
        assertThat(count(url, "select count(*) from items")).isEqualTo(25);
        assertThat(count(url, "select count(distinct id) from items")).isEqualTo(25);
        assertThat(count(url, "select count(*) from items_copy where name = 'Record 7'")).isEqualTo(1);
        assertThat(count(url, "select count(*) from inlet_state where name in ('acme-items:items', "
                + "'acme-items:items_copy')")).isEqualTo(2);
    }

    @Test
    void aSecondDialectH2() throws SQLException {
        String url = "jdbc:h2:" + dir.resolve("acme-h2") + ";USER=sa;PASSWORD=hunter2";

        assertThat(read("items", "--into", url, "--table", "acme_items")).isZero();

        assertThat(count(url, "select count(*) from \"acme_items\"")).isEqualTo(25);
        assertThat(err()).contains("into acme_items at jdbc:h2:").doesNotContain("hunter2");
    }

    @Test
    void whatDoesNotCombineIsAUsageErrorBeforeAnyRequest() {
        String url = "jdbc:duckdb:" + dir.resolve("x.db");
        assertThat(read("items", "--into", url, "--state", dir.resolve("state").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --into does not combine with --state (the database keeps the state next to "
                + "the rows)\n");
        assertThat(read("items", "--into", url, "--max-pages", "1")).isEqualTo(2);
        assertThat(read("items", "--into", url, "--format", "csv")).isEqualTo(2);
        assertThat(read("items", "--table", "t")).isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --table applies only with --into\n");
        assertThat(read("items", "--into", "postgres://user:pw@db/x")).isEqualTo(2);
        assertThat(err()).contains("is not a JDBC URL").doesNotContain("pw@");
        assertThat(read("plain", "--into", url)).isEqualTo(2);
        assertThat(err()).contains("stream `plain` has none; give it `primary_key: /<top-level field>`");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anUnknownDatabaseIsOneLineExitOne() {
        assertThat(read("items", "--into", "jdbc:nosuchdb:x?password=hunter2")).isEqualTo(1);
        assertThat(err().lines().toList()).singleElement().asString().startsWith("inlet: ")
                .doesNotContain("hunter2").doesNotContain("\tat ");
    }
}
