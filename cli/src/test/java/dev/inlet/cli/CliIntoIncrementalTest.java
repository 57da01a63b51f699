package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read --into} on an incremental stream: the cursor is committed with the rows, so a second run asks
 * only for the window since it (minus the lookback), and a run failing mid-way resumes in the same window.
 */
class CliIntoIncrementalTest {

    /** The items stream of {@link CliReadOptionsTest#ITEMS} with a 5-second lookback. */
    private static final String ITEMS = CliReadOptionsTest.ITEMS.replace("      param: updated_since\n",
            "      param: updated_since\n      lookback: 5s\n");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordSet records = RecordSet.generate(25); // rec-0001..rec-0025, updated 00:00:01..00:00:25
    private FakeApi api;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        api = fake(FaultPlan.none());
        file = Files.writeString(dir.resolve("acme.yaml"), ITEMS);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** A fake serving the same live record set. */
    private FakeApi fake(FaultPlan faults) {
        return FakeApi.builder().path("/items").records(records).paging(Paging.offset())
                .auth(Auth.bearer(CliReadOptionsTest.TOKEN)).faults(faults).start();
    }

    private int read(FakeApi at, String url) {
        out.reset();
        err.reset();
        at.clearRequests();
        List<String> args = new ArrayList<>(List.of("read", file.toString(), "items", "--base-url", at.baseUrl(),
                "--input", "token=" + CliReadOptionsTest.TOKEN, "--into", url));
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String since(FakeApi at) {
        return at.requests().get(0).query().get("updated_since");
    }

    /** The table's rows, id to name. */
    private static Map<String, String> rows(String url, String table) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("select id, name from " + table)) {
            while (rs.next()) {
                assertThat(rows.put(rs.getString(1), rs.getString(2))).as("id %s once", rs.getString(1)).isNull();
            }
        }
        return rows;
    }

    /** The fake's records, id to name: what the table must hold exactly. */
    private Map<String, String> served() {
        Map<String, String> served = new TreeMap<>();
        records.snapshot().forEach(r -> served.put(r.get("id").asString(), r.get("name").asString()));
        return served;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSecondRunReadsOnlyTheWindowSinceTheCommittedCursorAndAFailedOneResumesInItsWindow() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("acme.db");

        // run 1: from the definition's start, everything
        assertThat(read(api, url)).isZero();
        assertThat(since(api)).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(rows(url, "items")).isEqualTo(served()).hasSize(25);
        assertThat(count(url, "select count(*) from inlet_state where name = 'acme-items:items' "
                + "and state like '%\"cursor\":\"2026-01-01T00:00:25Z\"%'")).as("the cursor, committed").isEqualTo(1);

        // the API changes: one new record (00:00:26), one updated (00:00:27)
        records.add(Map.of("id", "new-0001", "name", "New 1"));
        records.update("rec-0003", Map.of("name", "Renamed 3"));

        // run 2: the cursor 00:00:25 minus the 5 s lookback; only that window, upserted
        assertThat(read(api, url)).isZero();
        assertThat(since(api)).isEqualTo("2026-01-01T00:00:20Z");
        assertThat(err()).startsWith("inlet: 8 rows in ").endsWith(" into items at " + url
                + " (changed since 2026-01-01T00:00:20Z)\n");
        assertThat(rows(url, "items")).isEqualTo(served()).hasSize(26).containsEntry("rec-0003", "Renamed 3");

        // 15 more records (00:00:28..00:00:42); the next run fails at its second page (a 400 is not retried)
        for (int i = 2; i <= 16; i++) {
            records.add(Map.of("id", String.format("new-%04d", i), "name", "New " + i));
        }
        try (FakeApi failing = fake(FaultPlan.builder().at(1, Fault.status(400)).build())) {
            assertThat(read(failing, url)).isEqualTo(1);
            assertThat(since(failing)).isEqualTo("2026-01-01T00:00:22Z"); // cursor 00:00:27 minus 5 s
            assertThat(err()).startsWith("inlet: ").contains("400");
        }
        // the first page of that window is in, with its position; nothing else
        assertThat(rows(url, "items")).hasSize(30).containsKeys("new-0005").doesNotContainKey("new-0006");

        // the rerun resumes in the same window after the committed page: the table is the API, exactly
        assertThat(read(api, url)).isZero();
        assertThat(since(api)).isEqualTo("2026-01-01T00:00:22Z");
        assertThat(api.requests().get(0).query()).containsEntry("offset", "10");
        assertThat(err()).contains(" (resumed at ").contains("(changed since 2026-01-01T00:00:22Z)");
        assertThat(rows(url, "items")).isEqualTo(served()).hasSize(41);

        // nothing changed: the overlap of the lookback only (00:00:37..00:00:42)
        assertThat(read(api, url)).isZero();
        assertThat(since(api)).isEqualTo("2026-01-01T00:00:37Z");
        assertThat(err()).startsWith("inlet: 6 rows in ");
        assertThat(rows(url, "items")).isEqualTo(served());
    }

    @Test
    void aRunKilledMidWayWithSigkillLeavesWholePagesAndTheRerunEndsExact() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("killed.db");
        assertThat(read(api, url)).isZero();
        for (int i = 1; i <= 15; i++) {
            records.add(Map.of("id", String.format("new-%04d", i), "name", "New " + i)); // 00:00:26..00:00:40
        }
        // a separate JVM reads the window since 00:00:20 (21 records, three pages); its second page's answer stalls
        try (FakeApi stalling = fake(FaultPlan.builder().at(1, Fault.slowFirstByte(Duration.ofMinutes(5))).build())) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "read", file.toString(), "items",
                    "--base-url", stalling.baseUrl(), "--input", "token=" + CliReadOptionsTest.TOKEN, "--into", url)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                stalling.awaitRequests(2, Duration.ofSeconds(60));
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, mid-request
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(stalling.requests().get(0).query()).containsEntry("updated_since", "2026-01-01T00:00:20Z");
        }
        // whole pages only: the first page of the window is in with its position, nothing of the second (without
        // `prefetch`, the second page is requested only after the first one's commit)
        assertThat(rows(url, "items")).hasSize(25 + 4).containsKey("new-0004").doesNotContainKey("new-0005");

        assertThat(read(api, url)).isZero();
        assertThat(since(api)).isEqualTo("2026-01-01T00:00:20Z");
        assertThat(api.requests().get(0).query()).containsEntry("offset", "10");
        assertThat(rows(url, "items")).isEqualTo(served()).hasSize(40);
    }

    private int run(FakeApi at, String... more) {
        out.reset();
        err.reset();
        at.clearRequests();
        List<String> args = new ArrayList<>(List.of("read", file.toString(), "items", "--base-url", at.baseUrl(),
                "--input", "token=" + CliReadOptionsTest.TOKEN));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void sinceStartsTheFirstRunWhichResumesInItsWindowWithoutItAndTheH2DialectKeepsTheCursorToo() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("acme-h2") + ";USER=sa;PASSWORD=hunter2";
        // the first run, from --since 00:00:08 (18 records, two pages), fails at its second page
        try (FakeApi failing = fake(FaultPlan.builder().at(1, Fault.status(400)).build())) {
            assertThat(run(failing, "--into", url, "--since", "2026-01-01T00:00:08Z")).isEqualTo(1);
            assertThat(since(failing)).isEqualTo("2026-01-01T00:00:08Z");
        }
        assertThat(count(url, "select count(*) from \"items\"")).isEqualTo(10);

        // rerun without --since: the same window, from the page after the committed one
        assertThat(run(api, "--into", url)).isZero();
        assertThat(since(api)).isEqualTo("2026-01-01T00:00:08Z");
        assertThat(api.requests().get(0).query()).containsEntry("offset", "10");
        assertThat(count(url, "select count(*) from \"items\"")).isEqualTo(18);
        assertThat(count(url, "select count(distinct \"id\") from \"items\" where \"id\" >= 'rec-0008'"))
                .isEqualTo(18);

        records.update("rec-0001", Map.of("name", "Renamed 1"));
        assertThat(run(api, "--into", url, "--since", "2026-01-01T00:00:02Z")).isZero();
        assertThat(since(api)).as("the saved cursor 00:00:25 minus 5 s wins").isEqualTo("2026-01-01T00:00:20Z");
        assertThat(err()).contains("--since applies to the first run").doesNotContain("hunter2");
        assertThat(count(url, "select count(*) from \"items\"")).isEqualTo(19);
        assertThat(count(url, "select count(*) from \"items\" where \"name\" = 'Renamed 1'")).isEqualTo(1);
    }
}
