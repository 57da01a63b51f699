package dev.inlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.state.ConnectorState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance test of the sink's exactly-once: a child JVM syncing 3,000 records (60 pages) into a table is
 * killed ({@code destroyForcibly}, SIGKILL on Unix) {@value #KILLS} times, each time just before a seeded random
 * write (a page's row batch, its state, or its commit: {@link SteppedDataSource}), then let finish. After every kill the rows in the table are exactly the ids before the saved position (state
 * consistent with rows: nothing committed beyond it, nothing missing before it); at the end every id is there
 * once.
 */
class SinkKillTest {

    private static final int KILLS = 6;
    private static final int TOTAL = 3000;
    private static final int PAGE = 50;

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @TempDir
    Path dir;

    @Test
    void postgresKilledMidSyncLosesAndRepeatsNothing() throws Exception {
        Sql.run(postgres.dataSource(), "DROP TABLE IF EXISTS items", "DROP TABLE IF EXISTS inlet_state");
        assertKillsLoseNothing(postgres.url(), postgres.dataSource(), 20261204L);
    }

    @Test
    void duckDbKilledMidSyncLosesAndRepeatsNothing() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("kill.duckdb");
        assertKillsLoseNothing(url, new UrlDataSource(url), 19L);
    }

    private void assertKillsLoseNothing(String url, DataSource ds, long seed) throws Exception {
        Random random = new Random(seed);
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = start(url, "stepped");
            // the write before which this child dies: 3 writes a page (rows batch, state, commit), ~1-8 pages in
            int killBefore = 1 + random.nextInt(24);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)); var in = child.getOutputStream()) {
                int op = 0;
                while (op < killBefore) {
                    String text = out.readLine();
                    assertThat(text).as("output of child %d", i).isNotNull();
                    if (text.startsWith("op ")) {
                        op = Integer.parseInt(text.split(" ")[1]);
                        if (op < killBefore) {
                            in.write('\n');
                            in.flush();
                        }
                    }
                }
                child.destroyForcibly(); // blocked before write number killBefore: mid-transaction or between pages
                assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
                killed++;
            }
            assertStateMatchesRows(ds);
        }
        Process last = start(url, "free");
        String tail;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(last.getInputStream(), StandardCharsets.UTF_8))) {
            tail = out.lines().reduce((a, b) -> b).orElse("");
        }
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tail).isEqualTo("done");
        assertThat(killed).isEqualTo(KILLS);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM items")).as("rows").isEqualTo(TOTAL);
        assertThat(Sql.count(ds, "SELECT COUNT(DISTINCT id) FROM items")).as("distinct ids").isEqualTo(TOTAL);
        assertThat(Sql.count(ds, "SELECT MAX(id) FROM items")).isEqualTo(TOTAL - 1);
        ConnectorState done = JdbcStateStore.in(ds).load("items").orElseThrow();
        assertThat(done.position()).isEmpty();
        assertThat(done.lastCompletedAt()).isPresent();
    }

    /** Rows are exactly the ids before the saved position: a page and its state commit together or not at all. */
    private static void assertStateMatchesRows(DataSource ds) throws Exception {
        long before = JdbcStateStore.in(ds).load("items").flatMap(ConnectorState::position)
                .map(p -> p.recordsBefore()).orElse(0L);
        boolean table;
        try (var c = ds.getConnection(); var tables = c.getMetaData().getTables(null, null, "items", null)) {
            table = tables.next(); // killed before the first commit: the table's creation was rolled back too
        }
        long rows = table ? Sql.count(ds, "SELECT COUNT(*) FROM items") : 0;
        assertThat(rows).as("rows versus the saved position").isEqualTo(before);
        if (rows > 0) {
            assertThat(Sql.count(ds, "SELECT MAX(id) FROM items")).isEqualTo(before - 1);
        }
    }

    private static Process start(String url, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), SinkCrashChild.class.getName(), url,
                Integer.toString(TOTAL), Integer.toString(PAGE), mode);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
