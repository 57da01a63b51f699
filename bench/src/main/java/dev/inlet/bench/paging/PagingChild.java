package dev.inlet.bench.paging;

import dev.inlet.bench.harness.Alloc;
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
 * One forked JVM of a paging benchmark (REST or GraphQL): starts the page server, runs one client through warm-up
 * passes, then measured passes, checks every pass saw each record exactly once, and reports records
 * per second (median of its measured passes), bytes allocated per record and GC time.
 *
 * <p>Arguments: {@code client pages perPage warmups measured}.
 */
public final class PagingChild {

    private PagingChild() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        String name = args[0];
        int pages = Integer.parseInt(args[1]);
        int perPage = Integer.parseInt(args[2]);
        int warmups = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        Map<String, Object> result = measure(name, pages, perPage, warmups, measured);
        System.out.println(Fork.resultLine(result));
        System.out.flush();
        System.exit(0);
    }

    /** Runs the passes in this JVM; throws if any pass lost or repeated a record. */
    public static Map<String, Object> measure(String name, int pages, int perPage, int warmups, int measured)
            throws Exception {
        PagedApi api = PagingClients.api(name, pages, perPage);
        PagingClient client = PagingClients.create(name);
        List<Double> rates = new ArrayList<>();
        List<Double> cpuPerRecord = new ArrayList<>();
        long allocated = 0;
        long gc = 0;
        try (LoopbackServer server = LoopbackServer.start(api)) {
            for (int i = 0; i < warmups + measured; i++) {
                long allocBefore = Alloc.allocatedBytes();
                long gcBefore = Alloc.gcMillis();
                Pass pass = pass(name, client, server, api, perPage);
                if (i >= warmups) {
                    rates.add(pass.rate());
                    cpuPerRecord.add(pass.cpuNsPerRecord());
                    allocated += Alloc.allocatedBytes() - allocBefore;
                    gc += Alloc.gcMillis() - gcBefore;
                }
            }
        } finally {
            if (client instanceof OkHttpDatabindLoop okhttp) {
                okhttp.shutdown();
            }
        }
        Stats stats = Stats.of(rates);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client", name);
        result.put("records", api.expectedCount());
        result.put("rate", String.format(Locale.ROOT, "%.0f", stats.median()));
        result.put("passes", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList()
                .toString().replace(" ", ""));
        // CPU of the whole JVM (client, in-process server, GC) per record: unlike records/s, hardly moved by
        // other processes competing for the cores, so small overheads show through a loaded machine.
        result.put("cpuNsPerRecord", String.format(Locale.ROOT, "%.0f", Stats.of(cpuPerRecord).median()));
        result.put("bytesPerRecord", allocated / Math.max(1, measured * api.expectedCount()));
        result.put("gcMsPerPass", gc / Math.max(1, measured));
        return result;
    }

    /** One pass of a client over all pages, checked for exactly-once; throws if a record was lost or repeated. */
    static Pass pass(String name, PagingClient client, LoopbackServer server, PagedApi api, int perPage)
            throws Exception {
        Tally tally = new Tally();
        long compileBefore = compileMillis();
        long cpuBefore = processCpuNanos();
        long threadCpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        client.readAll(server.baseUrl(), perPage, tally);
        long nanos = System.nanoTime() - start;
        long threadCpu = THREADS.getCurrentThreadCpuTime() - threadCpuBefore;
        long cpu = processCpuNanos() - cpuBefore;
        long compile = compileMillis() - compileBefore;
        if (tally.count() != api.expectedCount() || tally.sum() != api.expectedSum()) {
            throw new IllegalStateException(name + " saw " + tally.count() + " records (sum " + tally.sum()
                    + "), expected " + api.expectedCount() + " (sum " + api.expectedSum() + ")");
        }
        return new Pass(tally.count() * 1e9 / nanos, (double) cpu / tally.count(), (double) threadCpu / tally.count(),
                compile);
    }

    /**
     * One pass's records/s, whole-JVM CPU per record, the reading thread's own CPU per record, and the time the JIT
     * compilers spent during the pass (their threads' CPU is in the JVM's, and on 2 cores they compete with the
     * client and the server).
     */
    record Pass(double rate, double cpuNsPerRecord, double threadCpuNsPerRecord, long compileMillis) {
    }

    private static long compileMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
