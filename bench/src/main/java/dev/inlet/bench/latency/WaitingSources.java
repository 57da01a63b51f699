package dev.inlet.bench.latency;

import com.sun.net.httpserver.HttpServer;
import dev.inlet.bench.harness.Options;
import dev.inlet.core.Connector;
import dev.inlet.core.compose.ConcurrentFetch;
import dev.inlet.core.compose.FetchReport;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 10: many waiting sources (issue 21). N REST connectors, each reading P pages from a
 * loopback API that answers every page after a delay, all through one {@link ConcurrentFetch} with
 * {@code maxConcurrent(N)} and no executor (virtual threads on Java 21+, at most 256 platform threads
 * on 17). Reports pages/s against N / delay, and the heap per waiting source: the heap in use (after
 * a GC) while the server holds N requests at once, less the heap before, divided by N — an upper bound,
 * since the in-process server's exchanges count too.
 */
public final class WaitingSources {

    private WaitingSources() {
    }

    public static void run(Options options) throws Exception {
        int sources = options.integer("sources", 5000);
        int pages = options.integer("pages", 3);
        int delay = options.integer("delay-ms", 200);
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger maxWaiting = new AtomicInteger();
        CompletableFuture<Long> heapWhileWaiting = new CompletableFuture<>();
        ExecutorService serverThreads = virtualOrCached();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
        server.setExecutor(serverThreads);
        server.createContext("/p", e -> {
            try (e) {
                int now = waiting.incrementAndGet();
                maxWaiting.accumulateAndGet(now, Math::max);
                Thread.sleep(delay); // the simulated server's latency
                waiting.decrementAndGet();
                String q = e.getRequestURI().getRawQuery();
                int page = q == null ? 0 : Integer.parseInt(q.substring(q.indexOf('=') + 1));
                byte[] body = ("{\"data\":[{\"n\":" + page + "}]" + (page + 1 < pages ? ",\"next\":" + (page + 1) : "")
                        + "}").getBytes(StandardCharsets.UTF_8);
                e.getResponseHeaders().set("Content-Type", "application/json");
                e.sendResponseHeaders(200, body.length);
                try (OutputStream out = e.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.gc();
        long before = usedHeap();
        ConcurrentFetch.Builder fetch = ConcurrentFetch.builder().maxConcurrent(Math.min(sources, 100_000));
        for (int i = 0; i < sources; i++) {
            Connector<JsonNode> connector = RestConnector.builder("s" + i).baseUrl(base).path("/p").records("/data")
                    .paginator(Paginators.bodyCursor("page", "/next")).absentMeansEnd().build();
            fetch.add(connector, record -> { });
        }
        ConcurrentFetch all = fetch.build();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (waiting.get() < sources * 9 / 10 && !ended.get()) {
                Thread.onSpinWait();
            }
            if (!ended.get()) {
                System.gc();
                heapWhileWaiting.complete(usedHeap());
            }
        });
        long start = System.nanoTime();
        sampler.start();
        FetchReport report = all.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        ended.set(true);
        sampler.join();
        server.stop(0);
        serverThreads.shutdownNow();
        long failed = report.failed().size();
        double pagesPerSecond = (double) sources * pages / seconds;
        double ideal = sources / (delay / 1000.0);
        long heap = heapWhileWaiting.getNow(-1L);
        System.out.printf("waiting sources: Java %s, %d sources x %d pages, %d ms per page, load %s%n",
                Runtime.version(), sources, pages, delay, load());
        System.out.printf("  %,.0f pages/s = %.3f of %d / %.1f s; at most %d requests waiting at once; %d failed; "
                + "%.1f s%n", pagesPerSecond, pagesPerSecond / ideal, sources, delay / 1000.0, maxWaiting.get(), failed,
                seconds);
        if (heap < 0) {
            System.out.printf("  heap per waiting source not measured: fewer than 90%% of the sources ever waited at "
                    + "once (at most %d)%n", maxWaiting.get());
        } else {
            System.out.printf("  heap while >= 90%% waited: %,d KB above the start = %.1f KB per waiting source "
                    + "(client and in-process server; goal <= 32 KB)%n", (heap - before) / 1024,
                    (heap - before) / 1024.0 / sources);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The server's handlers: a virtual thread each on 21+, else a cached platform pool. */
    private static ExecutorService virtualOrCached() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException before21) {
            return Executors.newCachedThreadPool();
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
