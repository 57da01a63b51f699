package dev.inlet.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.examples.demo.DemoResult;
import dev.inlet.examples.demo.DemoRun;
import dev.inlet.examples.demo.DemoSettings;
import dev.inlet.examples.fakes.FakeGitHub;
import dev.inlet.examples.fakes.FakeShopify;
import dev.inlet.examples.fakes.FakeStripe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's main path runs and its output is exact: every metric is recomputed here from the fake
 * services' own data, independently of Inlet.
 */
class DemoTest {

    @TempDir
    static Path output;

    private static DemoResult result;
    private static String printed;

    @BeforeAll
    static void runTheDemo() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = new DemoRun(DemoSettings.offline(output), new PrintStream(buffer, true, StandardCharsets.UTF_8),
                false).run();
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    private static LocalDate day(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(DemoRun.ZONE).toLocalDate();
    }

    @Test
    void revenuePerDayAndCurrencyIsExactToTheCent() throws Exception {
        Map<LocalDate, Map<String, BigDecimal>> expected = new TreeMap<>();
        Map<LocalDate, Integer> charges = new TreeMap<>();
        try (FakeStripe stripe = FakeStripe.start("k", 2_000, Set.of(), Set.of())) {
            for (FakeStripe.Charge c : stripe.charges()) {
                if (!c.malformed()) {
                    expected.computeIfAbsent(day(c.created()), d -> new TreeMap<>()).merge("revenue "
                            + c.currency().toUpperCase(), BigDecimal.valueOf(c.amountCents()).movePointLeft(2),
                            BigDecimal::add);
                    charges.merge(day(c.created()), 1, Integer::sum);
                }
            }
        }
        expected.forEach((day, revenue) -> revenue.forEach((column, amount) ->
                assertThat(result.table().get(day).get(column)).as(day + " " + column).isEqualByComparingTo(amount)));
        charges.forEach((day, n) -> assertThat(result.table().get(day).get("charges")).as(day.toString())
                .isEqualByComparingTo(BigDecimal.valueOf(n)));
        assertThat(result.charges().total("revenue")).isEqualByComparingTo(expected.values().stream()
                .flatMap(m -> m.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void customersShopOrdersAndWebhookOrdersPerDay() throws Exception {
        Map<LocalDate, Integer> customers = new TreeMap<>();
        try (FakeStripe stripe = FakeStripe.start("k", 2_000, Set.of(), Set.of())) {
            stripe.customers().forEach(c -> customers.merge(day(c.created()), 1, Integer::sum));
        }
        customers.forEach((day, n) -> assertThat(result.table().get(day).get("new customers"))
                .isEqualByComparingTo(BigDecimal.valueOf(n)));

        Map<LocalDate, BigDecimal> shopRevenue = new TreeMap<>();
        try (FakeShopify shop = FakeShopify.start("t", 1_000, 1_000, 50)) {
            shop.orders().forEach(o -> shopRevenue.merge(o.createdAt().atZone(DemoRun.ZONE).toLocalDate(),
                    o.amount(), BigDecimal::add));
        }
        shopRevenue.forEach((day, amount) -> assertThat(result.table().get(day).get("shop revenue EUR"))
                .isEqualByComparingTo(amount));
        assertThat(result.shopOrders().total("shop orders")).isEqualByComparingTo("1000");

        assertThat(result.webhookOrders().total("webhook orders")).isEqualByComparingTo("300");
        LocalDate firstDay = day(FakeStripe.START);
        long expectedFirstDay = java.util.stream.IntStream.range(0, 300)
                .filter(i -> day(FakeStripe.START + (i * 7L * 24 * 3600) / 300 + 1800).equals(firstDay)).count();
        assertThat(result.table().get(firstDay).get("webhook orders"))
                .isEqualByComparingTo(BigDecimal.valueOf(expectedFirstDay));
    }

    @Test
    void openIssuesLeaveOutPullRequests() throws Exception {
        try (FakeGitHub github = FakeGitHub.start("t", "inlet", "demo", 300)) {
            long open = github.issues().stream().filter(i -> !i.pullRequest() && i.state().equals("open")).count();
            assertThat(result.openIssues()).isEqualTo(open);
            assertThat(printed).contains("GitHub inlet/demo: " + open + " open issues");
        }
    }

    @Test
    void malformedChargesAreQuarantinedWithTheirReasonsAndNothingElseIsLost() {
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.rejections()).hasSize(10).allSatisfy(r -> assertThat(r.violations())
                .extracting(v -> v.rule()).contains("type", "required"));
        assertThat(result.reports().get("stripe-charges")).satisfies(r -> {
            assertThat(r.recordsSeen()).isEqualTo(2_000);
            assertThat(r.valid()).isEqualTo(1_990);
            assertThat(r.pages()).isEqualTo(20);
            assertThat(r.retries()).as("one 429 and two 503s").isEqualTo(3);
            assertThat(r.completed()).isTrue();
        });
        assertThat(printed).contains("Quarantined 10 malformed charge(s)")
                .contains("stripe-charges: 2000 records (1990 valid, 10 rejected) in 20 pages, 3 retries");
    }

    @Test
    void webhooksAreVerifiedDeduplicatedAndTriggerARefresh() {
        assertThat(result.webhooks().sent()).isEqualTo(318);
        assertThat(result.webhooks().refused()).isEqualTo(5);
        assertThat(result.webhooks().ok()).isEqualTo(313);
        assertThat(result.webhooks().handled()).as("300 orders and 3 customer events, repeats once").isEqualTo(303);
        assertThat(result.refreshRuns()).isBetween(1, 3);
    }

    @Test
    void theTableAndTheSeriesFilesArePrintedAndWritten() throws Exception {
        assertThat(printed).contains("Daily metrics (Europe/Berlin").contains("revenue EUR").contains("total")
                .contains("Series written as CSV and JSON to " + output.toAbsolutePath());
        for (String name : new String[] {"charges-daily", "customers-daily", "shop-orders-daily",
                "webhook-orders-daily"}) {
            assertThat(output.resolve(name + ".csv")).exists();
            assertThat(Files.readString(output.resolve(name + ".json"))).contains("\"grain\" : \"DAY\"");
        }
        assertThat(Files.readString(output.resolve("charges-daily.csv"))).startsWith("start,currency,charges,revenue");
        assertThat(Files.readString(output.resolve("quarantine.json"))).contains("\"rule\" : \"type\"");
    }

    @Test
    void writesTheChargesAndTheDailyHistoryIntoDuckDb() throws Exception {
        String url = "jdbc:duckdb:" + output.resolve("inlet-demo.duckdb").toAbsolutePath();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM stripe_charges")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1_990); // the valid ones, each once
                assertThat(rs.getLong(2)).isEqualTo(1_990);
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT SUM(value) FROM inlet_metric_history "
                    + "WHERE metric = 'charges'")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("1990");
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT DISTINCT records_read, quarantined FROM inlet_metric_runs")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2_000);
                assertThat(rs.getLong(2)).isEqualTo(10);
            }
        }
        assertThat(printed).contains("Wrote 1990 charges").contains("Revenue history with its lineage");
    }

    @Test
    void writesTheHtmlReportNextToTheDatabaseAndPrintsItsPath() throws Exception {
        Path report = output.resolve("inlet-report.html").toAbsolutePath();
        assertThat(printed).contains("Report: " + report);
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        assertThat(html.split("<svg ", -1)).as("five charts and the timeline").hasSize(1 + 6);
        assertThat(html).contains("Stripe charges per day").contains("stripe-charges").contains("msg_forged_0")
                .contains("signature does not verify");
        assertThat(html.split("<rect class=\"ev ev-page\"", -1).length - 1).as("a mark per page read")
                .isGreaterThanOrEqualTo(result.reports().values().stream().mapToInt(r -> r.pages()).sum());
        assertThat(html.split("<td>retry</td>", -1).length - 1).as("the 429 and the two 503s of the charges")
                .isGreaterThanOrEqualTo(3);
        assertThat(result.webhooks().refusedDeliveries()).hasSize(5);
    }
}
