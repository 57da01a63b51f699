package dev.inlet.bench.webhooks;

import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Rounds;
import dev.inlet.bench.harness.Stats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 5a, webhook receiving: verified Stripe deliveries per second through Inlet's embedded
 * receiver at 32 concurrent senders, versus a bare JDK {@code HttpServer} answering 200 without any
 * work; each server in a fresh JVM (same flags), order rotated per run, ratio within the run.
 */
public final class WebhookThroughput {

    static final List<String> JVM = List.of("-Xms1g", "-Xmx1g");

    private WebhookThroughput() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int concurrency = options.integer("senders", 32);
        int warmup = options.integer("warmup", 30_000);
        int measured = options.integer("requests", 60_000);
        List<String> servers = List.of("bare", "inlet");
        System.out.println("## Webhook receiving: " + concurrency + " concurrent senders, " + warmup + " warm-up + "
                + measured + " measured deliveries per fork");
        System.out.println(Machine.describe());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> p50 = new LinkedHashMap<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> thisRun = new HashMap<>();
            for (String server : Rounds.order(servers, run)) {
                Fork.Outcome outcome = Fork.run(JVM, WebhookChild.class, List.of(server, Integer.toString(concurrency),
                        Integer.toString(warmup), Integer.toString(measured)), 600);
                if (!outcome.ok() || !"true".equals(outcome.result().get("complete"))) {
                    throw new IllegalStateException(server + " failed: " + outcome.result() + " "
                            + outcome.stderrTail(5));
                }
                double rate = outcome.number("rate");
                thisRun.put(server, rate);
                rates.computeIfAbsent(server, k -> new ArrayList<>()).add(rate);
                p50.computeIfAbsent(server, k -> new ArrayList<>()).add(outcome.number("p50us") / 1000);
                p99.computeIfAbsent(server, k -> new ArrayList<>()).add(outcome.number("p99us") / 1000);
                System.out.printf(Locale.ROOT, "run %d %-6s %s; %s%n", run + 1, server, outcome.result(),
                        outcome.disturbance());
            }
            ratios.add(thisRun.get("inlet") / thisRun.get("bare"));
        }
        System.out.println();
        System.out.println("| server | deliveries/s, median (min–max) | p50 ack, ms | p99 ack, ms | ratio to bare |");
        System.out.println("|---|---|---|---|---|");
        for (String server : servers) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", server,
                    Stats.of(rates.get(server)).format("%,.0f"), Stats.of(p50.get(server)).format("%.2f"),
                    Stats.of(p99.get(server)).format("%.2f"),
                    server.equals("inlet") ? Stats.of(ratios).format("%.3f") + " (target >= 0.8)" : "1");
        }
    }
}
