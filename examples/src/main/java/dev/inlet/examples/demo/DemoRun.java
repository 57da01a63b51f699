package dev.inlet.examples.demo;

import dev.inlet.core.Connector;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.core.Json;
import dev.inlet.core.record.Rejection;
import dev.inlet.core.RunReport;
import dev.inlet.core.compose.ConcurrentFetch;
import dev.inlet.core.compose.FetchOutcome;
import dev.inlet.core.compose.FetchReport;
import dev.inlet.core.metrics.Accumulator;
import dev.inlet.core.metrics.Aggregation;
import dev.inlet.core.metrics.Fields;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.core.schedule.Job;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.ScheduledRun;
import dev.inlet.core.schedule.Scheduler;
import dev.inlet.core.validation.JsonType;
import dev.inlet.core.validation.Rules;
import dev.inlet.examples.presets.GitHub;
import dev.inlet.examples.presets.Shopify;
import dev.inlet.examples.presets.Stripe;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * One run of the demo: sources up, four connectors read concurrently (validated, paced, retried),
 * webhooks received, daily metrics computed, printed and written out.
 */
public final class DemoRun {

    /** The demo's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** What a valid Stripe charge looks like; the rest is quarantined with its reasons. */
    static final Rules CHARGE_RULES = Rules.builder()
            .required("/id", "/amount", "/currency", "/created")
            .type("/amount", JsonType.INTEGER).min("/amount", 0)
            .pattern("/currency", "^[a-z]{3}$")
            .type("/created", JsonType.INTEGER)
            .build();

    private final DemoSettings settings;
    private final PrintStream out;
    private final boolean interactive;

    /**
     * A demo run.
     *
     * @param settings which services, where to write
     * @param out where to print
     * @param interactive whether {@code out} is a terminal (progress is shown only there)
     */
    public DemoRun(DemoSettings settings, PrintStream out, boolean interactive) {
        this.settings = settings;
        this.out = out;
        this.interactive = interactive;
    }

    /** Runs the demo. */
    public DemoResult run() throws IOException, InterruptedException, java.sql.SQLException {
        long started = System.nanoTime();
        out.println("Inlet demo: four sources, one pipeline, one table");
        out.println();
        try (DemoSources sources = new DemoSources(settings)) {
            sources.describe(out);
            Progress progress = new Progress(out, interactive);
            InMemoryQuarantine quarantine = new InMemoryQuarantine();

            DemoConnectors connectors = new DemoConnectors(sources, progress, DemoConnectors.requested());
            if (DemoConnectors.requested()) {
                out.println("  connectors from " + connectors.origin());
            }
            Connector<Stripe.Charge> charges = connectors.charges(CHARGE_RULES, quarantine);
            Connector<Stripe.Customer> customers = connectors.customers();
            Connector<GitHub.Issue> issues = connectors.issues();
            Connector<Shopify.Order> orders = connectors.orders();

            Accumulator<Stripe.Charge> chargeMetrics = Aggregation.<Stripe.Charge>builder(
                    c -> Instant.ofEpochSecond(c.created())).zone(ZONE).fillGaps()
                    .dimension("currency", c -> c.currency().toUpperCase())
                    .count("charges").sum("revenue", c -> BigDecimal.valueOf(c.amount()).movePointLeft(2))
                    .build().newAccumulator();
            Accumulator<Stripe.Customer> customerMetrics = Aggregation.<Stripe.Customer>builder(
                    c -> Instant.ofEpochSecond(c.created())).zone(ZONE).fillGaps().count("new customers")
                    .build().newAccumulator();
            Accumulator<Shopify.Order> shopMetrics = Aggregation.<Shopify.Order>builder(
                    o -> Instant.parse(o.createdAt())).zone(ZONE).fillGaps().count("shop orders")
                    .sum("shop revenue", o -> o.totalPriceSet().shopMoney().amount()).build().newAccumulator();
            Accumulator<JsonNode> hookMetrics = Aggregation.builder(Fields.instant("/data/created_at")).zone(ZONE)
                    .count("webhook orders").sum("webhook revenue", Fields.decimal("/data/amount")).build()
                    .newAccumulator();
            AtomicLong openIssues = new AtomicLong();
            AtomicLong pullRequests = new AtomicLong();

            out.println();
            out.println("Reading four connectors at once (Stripe charges and customers, GitHub issues, Shopify orders)...");
            FetchReport fetched = ConcurrentFetch.builder().maxConcurrent(4)
                    .add(charges, chargeMetrics::add)
                    .add(customers, customerMetrics::add)
                    .add(issues, issue -> (issue.isPullRequest() ? pullRequests
                            : "open".equals(issue.state()) ? openIssues : new AtomicLong()).incrementAndGet())
                    .add(orders, shopMetrics::add)
                    .build().run();
            progress.finish();

            List<ScheduledRun> refreshes = new CopyOnWriteArrayList<>();
            CountDownLatch refreshed = new CountDownLatch(1);
            WebhookTally tally;
            try (Scheduler scheduler = Scheduler.builder().onRunDone(run -> {
                refreshes.add(run);
                refreshed.countDown();
            }).build()) {
                // Nightly in normal life; here a webhook asks for a refresh now.
                scheduler.schedule(customers.name(), Schedule.daily(LocalTime.of(3, 0), ZONE),
                        Job.of(customers, c -> { }));
                WebhookFeed feed = new WebhookFeed(hookMetrics, scheduler::runNow, customers.name());
                out.println("Receiving webhooks at " + feed.url() + " (Standard Webhooks signatures)...");
                tally = feed.send(300, 10, 5, 3);
                feed.close();
                tally = tally.handled(feed.handled());
                refreshed.await(60, TimeUnit.SECONDS);
            }
            out.println();

            TimeSeries chargeSeries = chargeMetrics.result();
            TimeSeries customerSeries = customerMetrics.result();
            TimeSeries shopSeries = shopMetrics.result();
            TimeSeries hookSeries = hookMetrics.result();
            DailyTable table = new DailyTable()
                    .column(chargeSeries, "charges", Map.of(), "charges")
                    .columnsBy(chargeSeries, "revenue", "currency", "revenue")
                    .column(customerSeries, "new customers", Map.of(), "new customers")
                    .column(shopSeries, "shop orders", Map.of(), "shop orders")
                    .column(shopSeries, "shop revenue", Map.of(), "shop revenue EUR")
                    .column(hookSeries, "webhook orders", Map.of(), "webhook orders");
            out.println("Daily metrics (" + ZONE + "; Stripe amounts from cents, Shopify amounts as sent):");
            table.print(out);
            out.println();
            out.printf("GitHub %s/%s: %d open issues (pull requests left out: %d)%n", sources.owner, sources.repo,
                    openIssues.get(), pullRequests.get());
            out.printf("Webhooks: %d deliveries, %d answered 2xx, %d forgeries refused; %d events handled "
                    + "(repeats deduplicated); %d customer.created events led to %d refresh run(s) of %s%n",
                    tally.sent(), tally.ok(), tally.refused(), tally.handled(), 3, refreshes.size(), customers.name());

            List<Rejection> rejected = quarantine.rejections();
            out.printf("Quarantined %d malformed charge(s) with their reasons, e.g.:%n", rejected.size());
            rejected.stream().limit(3).forEach(r -> out.println("  " + r.record().path("id").asString() + " ("
                    + r.page().describe() + ", record " + r.indexInPage() + "): " + r.violations()));

            Map<String, RunReport> reports = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            out.println();
            out.println("Runs:");
            for (FetchOutcome outcome : fetched.outcomes()) {
                outcome.report().ifPresent(r -> reports.put(outcome.name(), r));
                outcome.failure().ifPresent(f -> failures.put(outcome.name(), String.valueOf(f.getMessage())));
                out.println("  " + outcome.report().map(RunReport::summary)
                        .orElse(outcome.name() + ": FAILED: " + outcome.failure().map(Throwable::getMessage).orElse("")));
            }
            refreshes.forEach(run -> out.println("  " + run.summary()));
            out.println("  " + total(reports.values(), Duration.ofNanos(System.nanoTime() - started)));

            Path output = write(settings.output(), Map.of("charges-daily", chargeSeries, "customers-daily",
                    customerSeries, "shop-orders-daily", shopSeries, "webhook-orders-daily", hookSeries), rejected);
            out.println();
            out.println("Series written as CSV and JSON to " + output.toAbsolutePath());
            if (reports.containsKey(charges.name())) {
                // a second read of the charges, into the database: the sink commits each page with its position
                out.println();
                DemoDatabase.store(output, Stripe.charges(sources.stripeUrl, sources.stripeKey).validator(CHARGE_RULES)
                        .onInvalid(InvalidRecordPolicy.QUARANTINE).build(Stripe.Charge.class), chargeSeries,
                        reports.get(charges.name()), out);
            }
            DemoResult result = new DemoResult(chargeSeries, customerSeries, shopSeries, hookSeries, openIssues.get(),
                    reports, refreshes.size(), rejected, tally, failures, output, table.cells());
            DemoReport.write(result, progress.timeline(), out);
            return result;
        }
    }

    private static String total(Iterable<RunReport> reports, Duration elapsed) {
        long records = 0;
        long rejected = 0;
        int pages = 0;
        int retries = 0;
        Duration waited = Duration.ZERO;
        for (RunReport r : reports) {
            records += r.recordsSeen();
            rejected += r.rejected();
            pages += r.pages();
            retries += r.retries();
            waited = waited.plus(r.waited());
        }
        return String.format("total: %,d records in %d pages, %d retries, waited %.1f s, %d rejections, "
                + "%.1f s elapsed", records, pages, retries, waited.toMillis() / 1000.0, rejected,
                elapsed.toMillis() / 1000.0);
    }

    private static Path write(Path dir, Map<String, TimeSeries> series, List<Rejection> rejected) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, TimeSeries> e : series.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue().toCsv());
            Files.writeString(dir.resolve(e.getKey() + ".json"), e.getValue().toJson());
        }
        var array = Json.mapper().createArrayNode();
        for (Rejection r : rejected) {
            var node = array.addObject();
            node.put("connector", r.connector());
            node.put("page", r.page().asString());
            node.put("index", r.indexInPage());
            node.set("record", r.record());
            var reasons = node.putArray("violations");
            r.violations().forEach(v -> reasons.addObject().put("pointer", v.pointer()).put("rule", v.rule())
                    .put("message", v.message()));
        }
        Files.writeString(dir.resolve("quarantine.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        return dir;
    }
}
