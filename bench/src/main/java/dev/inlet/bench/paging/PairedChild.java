package dev.inlet.bench.paging;

import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.harness.Stats;
import dev.inlet.bench.server.LoopbackServer;
import dev.inlet.bench.server.PagedApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One forked JVM that reads the same pages with two clients, pass by pass in alternating order (A B, B A, …), and
 * reports B's rate over A's and A's CPU over B's per adjacent pair. For an overhead of a few percent this is the
 * measurement that can see it: separate forks differ by more than that in JIT and placement luck alone, and
 * alternating within one JVM cancels slow drift (the machine, the heap) between the two.
 *
 * <p>The warm-up runs at least {@code warmupPairs} pairs and then, with {@code settledJitMs} above 0, goes on until
 * the JIT has compiled what both clients run: until neither pass of three pairs in a row spent more than
 * {@code settledJitMs} compiling (at most {@code maxWarmupPairs}). A code path run once per page is called a few
 * hundred times a pass and reaches the compiler's thresholds only after many passes; measuring while the compiler
 * still works on one client's path charges that client a one-time cost. Both what the warm-up took and the ratio
 * during it are reported.
 *
 * <p>Arguments: {@code clientA clientB pages perPage warmupPairs measuredPairs [maxWarmupPairs settledJitMs]}.
 */
public final class PairedChild {

    private PairedChild() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        int pages = Integer.parseInt(args[2]);
        int perPage = Integer.parseInt(args[3]);
        int warmups = Integer.parseInt(args[4]);
        int measured = Integer.parseInt(args[5]);
        int maxWarmups = args.length > 6 ? Math.max(warmups, Integer.parseInt(args[6])) : warmups;
        double settledJitMs = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        PagedApi api = PagingClients.api(a, pages, perPage);
        PagingClient clientA = PagingClients.create(a);
        PagingClient clientB = PagingClients.create(b);
        List<Double> rateRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> threadCpuRatios = new ArrayList<>();
        List<Double> ratesA = new ArrayList<>();
        List<Double> ratesB = new ArrayList<>();
        long compileA = 0;
        long compileB = 0;
        List<Double> warmupRatios = new ArrayList<>();
        int warmed = 0;
        int settledPairs = 0;
        try (LoopbackServer server = LoopbackServer.start(api)) {
            for (int i = 0; ratesA.size() < measured; i++) {
                PagingChild.Pass passA;
                PagingChild.Pass passB;
                if (i % 2 == 0) {
                    passA = PagingChild.pass(a, clientA, server, api, perPage);
                    passB = PagingChild.pass(b, clientB, server, api, perPage);
                } else {
                    passB = PagingChild.pass(b, clientB, server, api, perPage);
                    passA = PagingChild.pass(a, clientA, server, api, perPage);
                }
                if (warmed < maxWarmups && (warmed < warmups || settledJitMs > 0 && settledPairs < 3)) {
                    warmed++;
                    warmupRatios.add(passB.rate() / passA.rate());
                    boolean settled = passA.compileMillis() <= settledJitMs && passB.compileMillis() <= settledJitMs;
                    settledPairs = settled ? settledPairs + 1 : 0;
                } else {
                    ratesA.add(passA.rate());
                    ratesB.add(passB.rate());
                    rateRatios.add(passB.rate() / passA.rate());
                    cpuRatios.add(passA.cpuNsPerRecord() / passB.cpuNsPerRecord());
                    threadCpuRatios.add(passA.threadCpuNsPerRecord() / passB.threadCpuNsPerRecord());
                    compileA += passA.compileMillis();
                    compileB += passB.compileMillis();
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rateA", format(Stats.of(ratesA).median(), "%.0f"));
        result.put("rateB", format(Stats.of(ratesB).median(), "%.0f"));
        result.put("ratio", format(Stats.of(rateRatios).median(), "%.4f"));
        result.put("cpuRatio", format(Stats.of(cpuRatios).median(), "%.4f"));
        result.put("threadCpuRatio", format(Stats.of(threadCpuRatios).median(), "%.4f"));
        // JIT compilation during the measured passes, ms per pass: what is still being compiled, and for which client.
        result.put("jitA", format((double) compileA / measured, "%.0f"));
        result.put("jitB", format((double) compileB / measured, "%.0f"));
        result.put("warmups", Integer.toString(warmed));
        result.put("settled", Boolean.toString(settledJitMs <= 0 || settledPairs >= 3));
        result.put("warmupRatio", format(Stats.of(warmupRatios).median(), "%.4f"));
        result.put("ratios", rateRatios.stream().map(r -> format(r, "%.3f")).toList().toString().replace(" ", ""));
        System.out.println(Fork.resultLine(result));
        System.out.flush();
        System.exit(0);
    }

    private static String format(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }
}
