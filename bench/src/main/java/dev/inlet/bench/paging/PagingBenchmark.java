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
 * Benchmarks 1 and 6, paging throughput: every client reads the same pages (REST: 1,000 pages of
 * 1,000 records of about 190 bytes; GraphQL: 2,000 Relay pages of 100) from the same loopback server
 * code, each in a fresh JVM with the same flags, in an order that rotates from run to run; ratios
 * are taken within a run, against baseline (a) and, for REST, baseline (b).
 */
public final class PagingBenchmark {

    /** The JVM flags of every child: the same fixed heap for all. */
    static final List<String> JVM = List.of("-Xms1g", "-Xmx1g");

    private PagingBenchmark() {
    }

    /** Benchmark 1: REST paging, 1,000 pages of 1,000 records. */
    public static void rest(Options options) throws Exception {
        run("REST paging throughput", options, PagingClients.DEFAULT, PagingClients.JDK, PagingClients.OKHTTP, 1000,
                1000, 2, 3);
    }

    /** Benchmark 6: GraphQL Relay paging, 2,000 pages of 100 nodes (GraphQL APIs cap pages near 100). */
    public static void graphql(Options options) throws Exception {
        run("GraphQL Relay paging throughput", options, PagingClients.GRAPHQL, PagingClients.RELAY_LOOP, null, 2000,
                100, 3, 5);
    }

    /**
     * The observability overhead: benchmark 1's Inlet client plain and observed by the Micrometer and
     * OpenTelemetry listeners (with the propagation interceptor); "ratio to (a)" is observed / plain.
     */
    public static void observability(Options options) throws Exception {
        if (options.integer("forks-table", 1) == 1) {
            run("Observability overhead on REST paging", options,
                    List.of(PagingClients.INLET, PagingClients.INLET_OBSERVED), PagingClients.INLET, null, 1000, 1000,
                    2, 3);
        }
        paired("Observability overhead on REST paging, paired passes", options, PagingClients.INLET,
                PagingClients.INLET_OBSERVED);
    }

    /**
     * B against A in the same JVMs, pass by pass in alternating order ({@link PairedChild}): the median over
     * every measured pair of every fork, with the spread of the forks' own medians.
     */
    static void paired(String title, Options options, String a, String b) throws Exception {
        int forks = options.integer("paired-forks", 5);
        int pages = options.integer("pages", 1000);
        int perPage = options.integer("per-page", 1000);
        int warmups = options.integer("paired-warmups", 6);
        int measured = options.integer("paired-rounds", 10);
        // Steady state by default: warm up until the JIT is done with both clients (see PairedChild).
        int maxWarmups = options.integer("paired-max-warmups", 80);
        int settledJitMs = options.integer("paired-settled-jit-ms", 2);
        System.out.println();
        System.out.println("## " + title + ": " + b + " / " + a + ", " + pages + " pages x " + perPage + " records");
        System.out.println(Machine.describe());
        System.out.println("JVM flags: " + JVM + "; " + forks + " forks, each at least " + warmups + " warm-up pairs"
                + (settledJitMs > 0 ? ", then more until no pass of 3 pairs in a row compiled over " + settledJitMs
                + " ms (at most " + maxWarmups + ")" : "") + ", and " + measured
                + " measured pairs of passes, the order inside a pair alternating");
        List<Double> all = new ArrayList<>();
        List<Double> forkRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> threadCpuRatios = new ArrayList<>();
        List<Double> jitA = new ArrayList<>();
        List<Double> jitB = new ArrayList<>();
        List<Double> warmupPairs = new ArrayList<>();
        List<Double> warmupRatios = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            Fork.Outcome outcome = Fork.run(JVM, PairedChild.class, List.of(a, b, Integer.toString(pages),
                    Integer.toString(perPage), Integer.toString(warmups), Integer.toString(measured),
                    Integer.toString(maxWarmups), Integer.toString(settledJitMs)), 900);
            if (!outcome.ok()) {
                throw new IllegalStateException("paired " + a + "/" + b + " failed (exit " + outcome.exitCode() + "): "
                        + outcome.stderrTail(5));
            }
            String ratios = outcome.result().get("ratios");
            for (String r : ratios.substring(1, ratios.length() - 1).split(",")) {
                all.add(Double.parseDouble(r));
            }
            forkRatios.add(outcome.number("ratio"));
            cpuRatios.add(outcome.number("cpuRatio"));
            threadCpuRatios.add(outcome.number("threadCpuRatio"));
            System.out.printf(Locale.ROOT, "fork %d %s %,.0f records/s, %s %,.0f; ratio %.4f, JVM CPU ratio %.4f, "
                    + "reading thread CPU ratio %.4f; JIT compiling %.0f / %.0f ms per pass; warm-up %s pairs (%s), "
                    + "ratio during it %.4f; pairs %s; %s%n", fork + 1, a,
                    outcome.number("rateA"), b, outcome.number("rateB"), outcome.number("ratio"),
                    outcome.number("cpuRatio"), outcome.number("threadCpuRatio"), outcome.number("jitA"),
                    outcome.number("jitB"), outcome.result().get("warmups"),
                    "true".equals(outcome.result().get("settled")) ? "JIT settled" : "JIT NOT settled",
                    outcome.number("warmupRatio"), ratios, outcome.disturbance());
            warmupPairs.add(outcome.number("warmups"));
            warmupRatios.add(outcome.number("warmupRatio"));
            jitA.add(outcome.number("jitA"));
            jitB.add(outcome.number("jitB"));
        }
        Stats pairs = Stats.of(all);
        System.out.println();
        System.out.println("| measure | " + b + " / " + a + ": median of all pairs | forks' medians (min–max) |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| records/s | **%.3f** (%d pairs) | %s |%n", pairs.median(), pairs.n(),
                Stats.of(forkRatios).format("%.3f"));
        System.out.printf(Locale.ROOT, "| JVM CPU efficiency (%s's CPU / %s's) | – | %s |%n", a, b,
                Stats.of(cpuRatios).format("%.3f"));
        System.out.printf(Locale.ROOT, "| reading thread's CPU efficiency | – | %s |%n",
                Stats.of(threadCpuRatios).format("%.3f"));
        System.out.printf(Locale.ROOT, "| JIT compiling, ms per measured pass: %s / %s | – | %s / %s |%n", a, b,
                Stats.of(jitA).format("%.0f"), Stats.of(jitB).format("%.0f"));
        System.out.printf(Locale.ROOT, "| warm-up pairs run; %s / %s during the warm-up (the JIT's one-time cost) | – | %s; "
                + "%s |%n", b, a, Stats.of(warmupPairs).format("%.0f"), Stats.of(warmupRatios).format("%.3f"));
    }

    /** Runs the clients and prints the markdown table, with ratios to the baselines (b may be null). */
    static void run(String title, Options options, List<String> defaultClients, String baselineA, String baselineB,
            int defaultPages, int defaultPerPage, int defaultWarmups, int defaultMeasured) throws Exception {
        int runs = options.integer("runs", 5);
        int pages = options.integer("pages", defaultPages);
        int perPage = options.integer("per-page", defaultPerPage);
        int warmups = options.integer("warmups", defaultWarmups);
        int measured = options.integer("measured", defaultMeasured);
        List<String> clients = options.list("clients", defaultClients);
        System.out.println("## " + title + ": " + pages + " pages x " + perPage + " records");
        System.out.println(Machine.describe());
        System.out.println("JVM flags: " + JVM + "; per fork " + warmups + " warm-up + " + measured
                + " measured passes (fork score = median pass); " + runs + " runs, order rotated per run");
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> vsOkHttp = new LinkedHashMap<>();
        Map<String, String> alloc = new HashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> thisRun = new HashMap<>();
            Map<String, Double> thisRunCpu = new HashMap<>();
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
                double cpuNs = outcome.number("cpuNsPerRecord");
                thisRunCpu.put(client, cpuNs);
                cpu.computeIfAbsent(client, k -> new ArrayList<>()).add(cpuNs);
                alloc.put(client, outcome.result().get("bytesPerRecord") + " B/record, GC "
                        + outcome.result().get("gcMsPerPass") + " ms/pass");
                System.out.printf(Locale.ROOT, "run %d %-20s %,12.0f records/s  passes %s  %.0f CPU ns/record  %s; %s%n",
                        run + 1, client, rate, outcome.result().get("passes"), cpuNs, alloc.get(client),
                        outcome.disturbance());
            }
            for (String client : clients) {
                Double base = thisRun.get(baselineA);
                if (base != null) {
                    ratios.computeIfAbsent(client, k -> new ArrayList<>()).add(thisRun.get(client) / base);
                    cpuRatios.computeIfAbsent(client, k -> new ArrayList<>())
                            .add(thisRunCpu.get(baselineA) / thisRunCpu.get(client));
                }
                Double okhttp = baselineB == null ? null : thisRun.get(baselineB);
                if (okhttp != null) {
                    vsOkHttp.computeIfAbsent(client, k -> new ArrayList<>()).add(thisRun.get(client) / okhttp);
                }
            }
        }
        System.out.println();
        System.out.println("| client | records/s, median (min–max) | ratio to (a) | ratio to (b) | JVM CPU ns/record "
                + "| CPU efficiency to (a): (a)'s CPU / this CPU | allocation (last run) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String client : clients) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", client,
                    Stats.of(rates.get(client)).format("%,.0f"),
                    ratios.containsKey(client) ? Stats.of(ratios.get(client)).format("%.3f") : "–",
                    vsOkHttp.containsKey(client) ? Stats.of(vsOkHttp.get(client)).format("%.3f") : "–",
                    Stats.of(cpu.get(client)).format("%,.0f"),
                    cpuRatios.containsKey(client) ? Stats.of(cpuRatios.get(client)).format("%.3f") : "–",
                    alloc.get(client));
        }
    }
}
