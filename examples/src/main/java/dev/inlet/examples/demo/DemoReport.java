package dev.inlet.examples.demo;

import dev.inlet.report.Chart;
import dev.inlet.report.HtmlReport;
import dev.inlet.report.RunTimeline;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The demo's HTML report: the daily metrics as charts, every connector run with its timeline (pages,
 * retries, rate-limit waits, quarantines), the quarantined records by rule and the refused webhook
 * deliveries, in one self-contained file next to the database.
 */
final class DemoReport {

    /** The file, in the output directory. */
    static final String FILE = "inlet-report.html";

    private DemoReport() {
    }

    /** Writes the report into the result's output directory and prints its path. */
    static Path write(DemoResult result, RunTimeline timeline, PrintStream out) {
        Path file = HtmlReport.builder().title("Inlet demo: four sources, one pipeline").zone(DemoRun.ZONE)
                .runs(timeline.reports()).timeline(timeline)
                .chart(Chart.bar("Stripe charges per day").yLabel("charges")
                        .seriesBy(result.charges(), "charges", "currency").build())
                .chart(Chart.line("Stripe revenue per day").yLabel("revenue (in each currency)")
                        .seriesBy(result.charges(), "revenue", "currency").build())
                .chart(Chart.bar("Orders per day").yLabel("orders")
                        .series("shop orders (GraphQL)", result.shopOrders(), "shop orders")
                        .series("webhook orders", result.webhookOrders(), "webhook orders").build())
                .chart(Chart.line("Shop revenue per day").yLabel("revenue (EUR)")
                        .series("shop revenue", result.shopOrders(), "shop revenue")
                        .series("webhook revenue", result.webhookOrders(), "webhook revenue").build())
                .chart(Chart.bar("New customers per day").yLabel("customers")
                        .series("new customers", result.customers(), "new customers").build())
                .refusedDeliveries(result.webhooks().refusedDeliveries())
                .build().writeTo(result.output().resolve(FILE));
        out.println();
        out.println("Report: " + file);
        return file;
    }
}
