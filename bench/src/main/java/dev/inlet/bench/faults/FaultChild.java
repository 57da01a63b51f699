package dev.inlet.bench.faults;

import dev.inlet.bench.harness.Fork;
import dev.inlet.bench.harness.Stats;
import dev.inlet.bench.paging.InletRecords;
import dev.inlet.bench.paging.PagingClient;
import dev.inlet.bench.paging.Tally;
import dev.inlet.bench.server.FaultyPages;
import dev.inlet.bench.server.LoopbackServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One forked JVM of the faults benchmark: a client pages through {@link FaultyPages} (or the same
 * pages without faults when {@code every} is 0) and reports records per second and whether every
 * record arrived exactly once (duplicates and losses counted, not thrown).
 *
 * <p>Arguments: {@code inlet|failsafe-loop pages perPage every warmups measured}.
 */
public final class FaultChild {

    private FaultChild() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        Map<String, Object> result = measure(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        System.out.println(Fork.resultLine(result));
        System.out.flush();
        System.exit(0);
    }

    /** Runs the passes in this JVM. */
    public static Map<String, Object> measure(String name, int pages, int perPage, int every, int warmups,
            int measured) throws Exception {
        FaultyPages api = new FaultyPages(pages, perPage, every == 0 ? Integer.MAX_VALUE : every);
        PagingClient client = name.equals("inlet") ? new InletRecords(InletRecords.Variant.TREE) : new FailsafeLoop();
        List<Double> rates = new ArrayList<>();
        long extra = 0;
        long exactPasses = 0;
        long faultsBefore = 0;
        try (LoopbackServer server = LoopbackServer.start(api)) {
            for (int i = 0; i < warmups + measured; i++) {
                if (i == warmups) {
                    faultsBefore = api.faults();
                }
                Tally tally = new Tally();
                long start = System.nanoTime();
                client.readAll(server.baseUrl(), perPage, tally);
                long nanos = System.nanoTime() - start;
                if (i >= warmups) {
                    rates.add(api.expectedCount() * 1e9 / nanos);
                    extra += tally.count() - api.expectedCount();
                    exactPasses += tally.count() == api.expectedCount() && tally.sum() == api.expectedSum() ? 1 : 0;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("client", name);
        result.put("rate", String.format(Locale.ROOT, "%.0f", Stats.of(rates).median()));
        result.put("faultsPerPass", (api.faults() - faultsBefore) / Math.max(1, measured));
        result.put("duplicatesPerPass", extra / Math.max(1, measured));
        result.put("exactlyOncePasses", exactPasses + "/" + measured);
        return result;
    }
}
