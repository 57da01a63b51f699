package dev.inlet.examples.demo;

import dev.inlet.core.record.Rejection;
import dev.inlet.core.RunReport;
import dev.inlet.core.metrics.TimeSeries;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a demo run produced, for tests and embedding.
 *
 * @param charges charges and revenue per day and currency
 * @param customers new customers per day
 * @param shopOrders Shopify orders and revenue per day
 * @param webhookOrders orders per day that arrived as webhooks
 * @param openIssues open issues (pull requests left out)
 * @param reports the run report of every connector run, by connector name
 * @param refreshRuns runs of the customers connector triggered by webhooks
 * @param rejections the quarantined records
 * @param webhooks what the webhook sender saw
 * @param failures connectors that failed, with their error
 * @param output where the series were written
 * @param table the printed table's cells, by day and column title
 */
public record DemoResult(TimeSeries charges, TimeSeries customers, TimeSeries shopOrders, TimeSeries webhookOrders,
        long openIssues, Map<String, RunReport> reports, int refreshRuns, List<Rejection> rejections,
        WebhookTally webhooks, Map<String, String> failures, Path output, Map<LocalDate, Map<String, BigDecimal>> table) {

    /** Whether every source was read to its end. */
    public boolean allSucceeded() {
        return failures.isEmpty();
    }
}
