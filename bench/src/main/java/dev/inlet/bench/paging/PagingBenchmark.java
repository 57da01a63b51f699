package dev.inlet.bench.paging;

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
 * Benchmark 1, paging throughput: every client reads the same pages (default 1,000 pages of 1,000
 * records of about 190 bytes) from the same loopback server code, each in a fresh JVM with the same
 * flags, in an order that rotates from run to run; ratios are taken within a run.
 */
public final class PagingBenchmark {

    /** The JVM flags of every child: the same fixed heap for all. */
    static final List<String> JVM = List.of("-Xms1g", "-Xmx1g");

    private PagingBenchmark() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int pages = options.integer("pages", 1000);
        int perPage = options.integer("per-page", 1000);
        int warmups = options.integer("warmups", 2);
        int measured = options.integer("measured", 3);
        List<String> clients = options.list("clients", PagingClients.DEFAULT);
        System.out.println("## Paging throughput: " + pages + " pages x " + perPage + " records");
        System.out.println(Machine.describe());
        System.out.println("JVM flags: " + JVM + "; per fork " + warmups + " warm-up + " + measured
                + " measured passes (fork score = median pass); " + runs + " runs, order rotated per run");
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> vsOkHttp = new LinkedHashMap<>();
        Map<String, String> alloc = new HashMap<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> thisRun = new HashMap<>();
            for (String client : Rounds.order(clients, run)) {
                Fork.Outcome outcome = Fork.run(JVM, PagingChild.class, List.of(client, Integer.toString(pages),
                        Integer.toString(perPage), Integer.toString(warmups), Integer.toString(measured)), 900);
                if (!outcome.ok()) {
                    throw new IllegalStateException(client + " failed (exit " + outcome.exitCode() + "): "
                            + outcome.stderrTail(5));
                }
                double rate = outcome.number("rate");
                thisRun.put(client, rate);
                rates.computeIfAbsent(client, k -> new ArrayList<>()).add(rate);
                alloc.put(client, outcome.result().get("bytesPerRecord") + " B/record, GC "
                        + outcome.result().get("gcMsPerPass") + " ms/pass");
                System.out.printf(Locale.ROOT, "run %d %-20s %,12.0f records/s  passes %s  %s%n", run + 1, client,
                        rate, outcome.result().get("passes"), alloc.get(client));
            }
            for (String client : clients) {
                Double base = thisRun.get(PagingClients.JDK);
                if (base != null) {
                    ratios.computeIfAbsent(client, k -> new ArrayList<>()).add(thisRun.get(client) / base);
                }
                Double okhttp = thisRun.get(PagingClients.OKHTTP);
                if (okhttp != null) {
                    vsOkHttp.computeIfAbsent(client, k -> new ArrayList<>()).add(thisRun.get(client) / okhttp);
                }
            }
        }
        System.out.println();
        System.out.println("| client | records/s, median (min–max) | ratio to (a) | ratio to (b) | allocation (last run) |");
        System.out.println("|---|---|---|---|---|");
        for (String client : clients) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", client,
                    Stats.of(rates.get(client)).format("%,.0f"),
                    ratios.containsKey(client) ? Stats.of(ratios.get(client)).format("%.3f") : "–",
                    vsOkHttp.containsKey(client) ? Stats.of(vsOkHttp.get(client)).format("%.3f") : "–",
                    alloc.get(client));
        }
    }
}
