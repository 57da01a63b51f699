package dev.inlet.bench.faults;

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
 * Benchmark 7, throughput under faults (deferred by the resilience issue): REST paging where one
 * request in 20 fails (503 or 429 with {@code Retry-After: 0}, or a body cut off halfway). Inlet
 * with its defaults against the same pages without faults (the price of the faults), and against
 * the hand-written streaming loop with a Failsafe retry policy, counting duplicates delivered.
 */
public final class FaultBenchmark {

    private FaultBenchmark() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        int pages = options.integer("pages", 200);
        int perPage = options.integer("per-page", 1000);
        int every = options.integer("every", 20);
        List<String[]> contenders = List.of(new String[] {"inlet", "0"}, new String[] {"inlet", "" + every},
                new String[] {"failsafe-loop", "" + every});
        System.out.println("## Throughput under faults: " + pages + " pages x " + perPage + " records, one request in "
                + every + " fails");
        System.out.println(Machine.describe());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, String> exactness = new HashMap<>();
        List<Double> priceOfFaults = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> thisRun = new HashMap<>();
            for (String[] c : Rounds.order(contenders, run)) {
                String label = c[0] + (c[1].equals("0") ? " (no faults)" : " (faults)");
                Fork.Outcome outcome = Fork.run(List.of("-Xms1g", "-Xmx1g"), FaultChild.class, List.of(c[0],
                        "" + pages, "" + perPage, c[1], "1", "3"), 900);
                if (!outcome.ok()) {
                    throw new IllegalStateException(label + " failed: " + outcome.stderrTail(5));
                }
                thisRun.put(label, outcome.number("rate"));
                rates.computeIfAbsent(label, k -> new ArrayList<>()).add(outcome.number("rate"));
                exactness.merge(label, outcome.result().get("exactlyOncePasses") + " exactly once, "
                        + outcome.result().get("duplicatesPerPass") + " duplicates/pass, "
                        + outcome.result().get("faultsPerPass") + " faults/pass", (a, b) -> b);
                System.out.printf(Locale.ROOT, "run %d %-24s %s; %s%n", run + 1, label, outcome.result(),
                        outcome.disturbance());
            }
            priceOfFaults.add(thisRun.get("inlet (faults)") / thisRun.get("inlet (no faults)"));
        }
        System.out.println();
        System.out.println("| client | records/s, median (min–max) | last run: exactly-once passes, duplicates, faults |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", e.getKey(), Stats.of(e.getValue()).format("%,.0f"),
                    exactness.get(e.getKey()));
        }
        System.out.printf(Locale.ROOT, "Inlet with faults / without: %s%n", Stats.of(priceOfFaults).format("%.3f"));
    }
}
