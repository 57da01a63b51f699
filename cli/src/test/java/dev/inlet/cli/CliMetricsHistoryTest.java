package dev.inlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.FakeApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics FILE METRIC --into JDBC-URL} and {@code --history JDBC-URL}: the metric history, in-process. */
class CliMetricsHistoryTest {

    static final String ORDERS = """
            inlet: 1
            name: acme
            base_url: https://api.acme.test
            streams:
              orders:
                path: /orders
                records: /data
                primary_key: /id
                paginator:
                  type: offset
                  size: 10
                rules:
                  required: [/id, /created_at, /amount, /region]
                  types: {/amount: number}
            metrics:
              order_count:
                description: Orders per day.
                stream: orders
                measure: count
                time: /created_at
                grain: day
              revenue:
                description: Order amounts per day and region.
                stream: orders
                measure: sum
                field: /amount
                time: /created_at
                dimensions: [/region]
                grain: day
            """;

    static final String REVENUE = """
            start,region,revenue
            2026-01-01T00:00:00Z,eu,10
            2026-01-01T00:00:00Z,us,5.5
            2026-01-02T00:00:00Z,eu,7
            2026-01-03T00:00:00Z,eu,1.25
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeApi api;
    private Path file;
    private String url;

    @BeforeEach
    void start() throws IOException {
        api = FakeApi.builder().path("/orders").records(RecordSet.of(List.of(
                order("o1", "2026-01-01T10:00:00Z", 10, "eu"), order("o2", "2026-01-01T11:00:00Z", 5.5, "us"),
                order("o3", "2026-01-02T09:00:00Z", 7, "eu"), order("o4", "2026-01-03T09:00:00Z", 1.25, "eu"))))
                .paging(Paging.offset()).start();
        file = Files.writeString(dir.resolve("acme.yaml"), ORDERS);
        url = "jdbc:duckdb:" + dir.resolve("metrics.db");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static Map<String, Object> order(String id, String createdAt, Number amount, String region) {
        return Map.of("id", id, "created_at", createdAt, "amount", amount, "region", region);
    }

    private int metrics(String metric, String... more) {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("metrics", file.toString(), metric, "--base-url", api.baseUrl()));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String one(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void storesTheComputedPointsAndARecomputationReplacesWhatChanged() throws SQLException {
        assertThat(metrics("revenue", "--into", url)).isZero();
        assertThat(out()).isEqualTo(REVENUE); // stdout as without --into
        assertThat(err()).startsWith("inlet: stored 4 points of revenue (day) at " + url
                + ": 4 new, 0 changed, 0 unchanged (computation ");

        api.records().update("o3", Map.of("amount", 8));
        api.records().add(order("o5", "2026-01-03T12:00:00Z", 2, "us"));
        assertThat(metrics("revenue", "--into", url)).isZero();
        assertThat(err()).startsWith("inlet: stored 5 points of revenue (day) at " + url
                + ": 1 new, 1 changed, 3 unchanged (computation ");

        // one row per bucket, the recomputed one replaced; its change kept with the value it replaced
        assertThat(one(url, "select count(*) from inlet_metric_history where metric = 'revenue'")).isEqualTo("5");
        assertThat(new BigDecimal(one(url, "select value from inlet_metric_history where metric = 'revenue' "
                + "and bucket_start = TIMESTAMPTZ '2026-01-02 00:00:00+00'"))).isEqualByComparingTo("8");
        assertThat(new BigDecimal(one(url, "select previous_value from inlet_metric_changes where value = 8"
                + " and metric = 'revenue'"))).isEqualByComparingTo("7");
        // lineage: each computation's run of the stream, with the records it read
        assertThat(one(url, "select string_agg(cast(records_read as varchar), ',' order by records_read) from "
                + "inlet_metric_runs where stream = 'orders'")).isEqualTo("4,5");
        assertThat(one(url, "select min(position_to) from inlet_metric_runs")).isEqualTo("end");

        // a bucket no record is in any more is not deleted, and said so
        api.records().remove("o4");
        assertThat(metrics("revenue", "--into", url)).isZero();
        assertThat(err()).startsWith("inlet: stored 4 points of revenue (day) at " + url
                + ": 0 new, 0 changed, 4 unchanged; 1 stored bucket in that range not recomputed, kept (computation ");
    }

    @Test
    void historyPrintsWhatWasComputedWithoutCallingTheApi() {
        assertThat(metrics("revenue", "--into", url)).isZero();
        assertThat(metrics("order_count", "--into", url, "--format", "json")).isZero();
        String computedJson = out();
        int requests = api.requests().size();

        assertThat(metrics("revenue", "--history", url)).isZero();
        assertThat(out()).isEqualTo(REVENUE);
        assertThat(err()).isEmpty();
        assertThat(metrics("order_count", "--history", url, "--format", "json")).isZero();
        assertThat(out()).isEqualTo(computedJson).contains("\"order_count\" : 2");
        assertThat(api.requests()).hasSize(requests);
    }

    @Test
    void fromAndToSelectBucketStartsInTheRange() {
        assertThat(metrics("revenue", "--into", url)).isZero();

        assertThat(metrics("revenue", "--history", url, "--from", "2026-01-02", "--to", "2026-01-03")).isZero();
        assertThat(out()).isEqualTo("start,region,revenue\n2026-01-02T00:00:00Z,eu,7\n");
        assertThat(metrics("revenue", "--history", url, "--from", "2026-01-01T12:00:00Z")).isZero();
        assertThat(out().lines()).containsExactly("start,region,revenue", "2026-01-02T00:00:00Z,eu,7",
                "2026-01-03T00:00:00Z,eu,1.25");
        assertThat(metrics("revenue", "--history", url, "--to", "2026-01-02")).isZero();
        assertThat(out().lines()).hasSize(3);

        assertThat(metrics("revenue", "--history", url, "--from", "2027-01-01")).isEqualTo(1);
        assertThat(err()).isEqualTo("inlet: no stored points of metric revenue (day) in [2027-01-01, ) at " + url
                + ". store them with `inlet metrics " + file + " revenue --into JDBC-URL`, or widen --from/--to\n");
    }

    @Test
    void anEmptyHistoryOrAnUnknownMetricSaysWhatToDo() {
        assertThat(metrics("order_count", "--history", url)).isEqualTo(1);
        assertThat(err()).isEqualTo("inlet: no stored points of metric order_count (day) at " + url
                + ". store them with `inlet metrics " + file + " order_count --into JDBC-URL`\n");
        assertThat(out()).isEmpty();

        assertThat(metrics("revenu", "--history", url)).isEqualTo(3);
        assertThat(err()).contains("no metric `revenu`").contains("order_count, revenue");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void wrongOptionsAreUsageErrorsBeforeAnyRequest() {
        assertThat(metrics("revenue", "--history", url, "--from", "last week")).isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --from `last week` is not an ISO date or date-time; expected e.g. "
                + "2026-01-01 or 2026-01-01T08:00:00Z\n");
        assertThat(metrics("revenue", "--history", url, "--from", "2026-02-01", "--to", "2026-01-01")).isEqualTo(2);
        assertThat(err()).contains("is not before --to");
        assertThat(metrics("revenue", "--history", "postgres://me:pw@db/x")).isEqualTo(2);
        assertThat(err()).contains("--history `postgres://…@db/x` is not a JDBC URL").doesNotContain("pw");
        assertThat(metrics("revenue", "--into", url, "--history", url)).isEqualTo(2);
        assertThat(err()).contains("--into and --history do not combine");
        assertThat(metrics("revenue", "--from", "2026-01-01")).isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --from/--to apply only with --history\n");
        assertThat(metrics("revenue", "--history", url, "--report", dir.resolve("r.html").toString())).isEqualTo(2);
        out.reset();
        err.reset();
        assertThat(Main.run(new String[] {"metrics", file.toString(), "--into", url},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("inlet: --into needs a METRIC: inlet metrics FILE METRIC …\n");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsBeforeTheRunWithoutItsSecret() {
        assertThat(metrics("revenue", "--into", "jdbc:nosuchdb:x?password=hunter2")).isEqualTo(1);
        assertThat(err().lines().toList()).singleElement().asString().startsWith("inlet: ")
                .doesNotContain("hunter2").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aSecondDialectH2() {
        // a plain URL: MetricHistory quotes its names (one is VALUE, a keyword in H2 2.x), so H2 needs no
        // NON_KEYWORDS or DATABASE_TO_LOWER setting
        String h2 = "jdbc:h2:" + dir.resolve("metrics-h2") + ";USER=sa;PASSWORD=hunter2";

        assertThat(metrics("revenue", "--into", h2)).as("%s", err).isZero();
        assertThat(err()).contains("4 new").contains(" at jdbc:h2:").doesNotContain("hunter2");
        api.records().update("o1", Map.of("amount", 11));
        assertThat(metrics("revenue", "--into", h2)).as("%s", err).isZero();
        assertThat(err()).contains(": 0 new, 1 changed, 3 unchanged");

        assertThat(metrics("revenue", "--history", h2)).isZero();
        assertThat(out()).isEqualTo(REVENUE.replace(",eu,10\n", ",eu,11\n"));
    }

    @Test
    void postgresKeepsTheHistoryAndItsPasswordIsNeverShown() throws IOException {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String postgres = pg.getJdbcUrl("postgres", "postgres") + "&password=hunter2";

            assertThat(metrics("revenue", "--into", postgres)).as("%s", err).isZero();
            assertThat(err()).contains(": 4 new, 0 changed, 0 unchanged").doesNotContain("hunter2");
            api.records().update("o2", Map.of("amount", 6));
            assertThat(metrics("revenue", "--into", postgres)).isZero();
            assertThat(err()).contains(": 0 new, 1 changed, 3 unchanged");

            assertThat(metrics("revenue", "--history", postgres, "--to", "2026-01-03")).isZero();
            assertThat(out()).isEqualTo(REVENUE.replace(",us,5.5\n", ",us,6\n")
                    .replace("2026-01-03T00:00:00Z,eu,1.25\n", ""));
            assertThat(metrics("revenue", "--history", postgres)).isZero();
            assertThat(out()).isEqualTo(REVENUE.replace(",us,5.5\n", ",us,6\n"));
        }
    }
}
