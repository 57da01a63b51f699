package dev.inlet.bench.memory;

import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Rounds;
import dev.inlet.bench.harness.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 2, memory: one response of 5,000,000 records (about 950 MB) streamed through each
 * client in a child JVM capped at {@code -Xmx64m}; reports peak heap (sampled, and live after GC),
 * peak RSS, and how a client that cannot stream fails.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        int runs = options.integer("runs", 5);
        long records = options.integer("records", 5_000_000);
        String heap = options.text("heap", "64m");
        List<String> clients = options.list("clients", List.of("inlet", "jdk-streaming", "okhttp-databind"));
        List<String> jvm = List.of("-Xmx" + heap);
        System.out.println("## Memory: one response of " + records + " records, -Xmx" + heap);
        System.out.println(Machine.describe());
        Map<String, List<Map<String, String>>> outcomes = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (String client : Rounds.order(clients, run)) {
                Fork.Outcome outcome = Fork.run(jvm, MemoryChild.class, List.of(client, Long.toString(records)), 900);
                Map<String, String> result = new LinkedHashMap<>(outcome.result());
                result.put("exit", Integer.toString(outcome.exitCode()));
                if (result.get("outcome") == null) {
                    result.put("outcome", "died: " + outcome.stderrTail(2));
                }
                outcomes.computeIfAbsent(client, k -> new ArrayList<>()).add(result);
                System.out.printf(Locale.ROOT, "run %d %-16s %s; %s%n", run + 1, client, result,
                        outcome.disturbance());
            }
        }
        System.out.println();
        System.out.println("| client | outcome (exit code) | records | seconds | peak heap sampled, MiB | peak heap after GC, MiB | peak RSS (VmHWM), MiB |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String client : clients) {
            List<Map<String, String>> all = outcomes.get(client);
            Map<String, String> first = all.get(0);
            String outcome = first.get("outcome") + (first.containsKey("message") ? ": " + first.get("message") : "")
                    + " (exit " + first.get("exit") + ")";
            System.out.printf(Locale.ROOT, "| %s | %s, %d of %d runs | %s | %s | %s | %s | %s |%n", client, outcome,
                    all.stream().filter(r -> r.get("outcome").equals(first.get("outcome"))).count(), all.size(),
                    stat(all, "records", 1, "%,.0f"), stat(all, "seconds", 1, "%.1f"),
                    stat(all, "sampledHeapPeak", 1 << 20, "%.1f"), stat(all, "liveHeapPeak", 1 << 20, "%.1f"),
                    stat(all, "rssPeak", 1 << 20, "%.0f"));
        }
    }

    private static String stat(List<Map<String, String>> results, String key, double unit, String format) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> result : results) {
            if (result.containsKey(key)) {
                values.add(Double.parseDouble(result.get(key)) / unit);
            }
        }
        return values.isEmpty() ? "–" : Stats.of(values).format(format);
    }
}
