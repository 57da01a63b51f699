package dev.inlet.bench.latency;

import dev.inlet.bench.harness.Options;
import dev.inlet.core.Connector;
import dev.inlet.core.compose.ConcurrentFetch;
import dev.inlet.core.compose.FetchReport;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.SocketTransport;
import dev.inlet.core.http.Transport;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 10: many waiting sources (issue 21). N REST connectors, each reading P pages from a
 * loopback API that answers every page after a delay ({@link DelayedServer}: one selector thread, so
 * the server is not what is measured), all through one {@link ConcurrentFetch} with
 * {@code maxConcurrent(N)} and no executor (virtual threads on Java 21+, at most 256 platform threads
 * on 17). The baseline, in the same JVM and rounds: the same requests sent by a bare JDK
 * {@code HttpClient} (its defaults, HTTP/1.1; {@code jdk-direct}: with Inlet's direct executor) from the
 * same kind of threads. {@code inlet-async}: the same connectors over {@code Transport.jdk()}, which
 * {@code ConcurrentFetch} reads with {@code readAsync} (no thread waits for a page, on Java 17 too); its
 * baseline {@code jdk-async} chains the bare client's {@code sendAsync} per source. Round 1 warms up (JIT,
 * connections); later rounds alternate the order. Reports pages/s against N / delay, the process CPU
 * per page (client and server), the ceiling that CPU leaves on this machine's cores, and the heap per
 * waiting source: the heap in use (after a GC) while ≥ 90 % of the sources wait, less the heap before
 * the round, divided by N — an upper bound, since the server's connections count too.
 *
 * <p>Open files: each round's line shows the process's open file descriptors when it starts. Two
 * contenders' keep-alive connections, each with the server's side, need about 4 × N; where that would
 * not fit under the process's limit ({@code --release-connections auto}, the default; {@code yes} and
 * {@code no} force it), each contender round gets its own bare client, closed after it ({@code close()}
 * on 21+; on 17 the server's closing makes the client drop its idle connections), the server then closes
 * every connection it accepted, and Inlet's shared socket transport closes its idle pooled ones
 * ({@link SocketTransport#close()}; at most 64 per origin by default). Otherwise the bare clients are
 * built once and keep their connections across rounds, as before.
 */
public final class WaitingSources {

    private WaitingSources() {
    }

    public static void run(Options options) throws Exception {
        int sources = options.integer("sources", 5000);
        int pages = options.integer("pages", 5);
        int delay = options.integer("delay-ms", 200);
        int rounds = options.integer("rounds", 3);
        List<String> contenders = options.list("contenders", List.of("inlet", "jdk"));
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = sources / (delay / 1000.0);
        long fdLimit = maxOpenFiles();
        long fdNeed = 4L * sources + 1024;
        boolean release = switch (options.text("release-connections", "auto")) {
            case "auto" -> fdLimit > 0 && fdNeed > fdLimit;
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--release-connections auto, yes or no");
        };
        System.out.printf("waiting sources: Java %s, %d cores, %d sources x %d pages, %d ms per page, ideal %,.0f "
                + "pages/s, load %s%n", Runtime.version(), cores, sources, pages, delay, ideal, load());
        System.out.printf("  open files: limit %,d, two contenders' connections and the server's ~%,d -> "
                + "connections closed after each contender's round: %s%n", fdLimit, fdNeed, release ? "yes" : "no");
        try (DelayedServer server = new DelayedServer(delay, page -> ("{\"data\":[{\"n\":" + page + "}]"
                + (page + 1 < pages ? ",\"next\":" + (page + 1) : "") + "}").getBytes(StandardCharsets.UTF_8))) {
            HttpClient bare = release ? null : bareClient(false);
            HttpClient direct = release ? null : bareClient(true);
            for (int round = 1; round <= rounds; round++) {
                for (int c = 0; c < contenders.size(); c++) {
                    String contender = contenders.get((c + round) % contenders.size());
                    HttpClient client = !contender.startsWith("jdk") ? null
                            : release ? bareClient(!contender.equals("jdk"))
                            : contender.equals("jdk") ? bare : direct;
                    Result r = measure(contender, server, client, sources, pages);
                    String released = release ? release(server, client, r.openFilesAtStart) : "";
                    System.out.printf("  round %d%s %-10s %,8.0f pages/s = %.3f of ideal; CPU %,6.1f us/page -> "
                            + "ceiling on %d cores %,.0f pages/s; at most %d waiting; %d failed; heap %s; %d open "
                            + "files at start%s%n", round, round == 1 ? " (warm-up)" : "", contender, r.pagesPerSecond,
                            r.pagesPerSecond / ideal, r.cpuMicrosPerPage, cores, cores * 1e6 / r.cpuMicrosPerPage,
                            r.maxWaiting, r.failed,
                            Double.isNaN(r.heapPerSourceKb) ? "not measured (fewer than 90 % waited at once)"
                                    : String.format("%.1f KB per waiting source%s", r.heapPerSourceKb,
                                            r.heapPerSourceKb < 0 ? " (below the heap before the round)" : ""),
                            r.openFilesAtStart, released);
                }
            }
        }
    }

    /** The baseline client: the JDK's defaults on HTTP/1.1, or completing on the calling thread. */
    private static HttpClient bareClient(boolean directExecutor) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        return (directExecutor ? b.executor(Runnable::run) : b).build();
    }

    /**
     * After a contender's round: closes its bare client (21+; on 17 it has no close, and drops its idle
     * connections when the server closes them), every connection the server accepted, and the idle ones in
     * the pool of the socket transport Inlet's default pipeline shares; then waits (at most 30 s) until
     * the process has at most 32 more open files than when the round started, so that neither the next round's
     * heap baseline nor its CPU carries this contender's leftovers (JDK 25's {@code HttpClient.close()}
     * returns with some of its sockets still open). Returns what the round's line reports about it.
     */
    private static String release(DelayedServer server, HttpClient client, long openFilesAtStart) throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
        int closed = server.closeConnections().get(30, TimeUnit.SECONDS);
        if (Transport.sockets() instanceof SocketTransport sockets) {
            sockets.close();
        }
        long start = System.nanoTime();
        long open = openFiles();
        long deadline = start + TimeUnit.SECONDS.toNanos(30);
        long settled = openFilesAtStart + 32;
        while (open > settled && System.nanoTime() < deadline) {
            Thread.sleep(20);
            System.gc(); // a dropped client's sockets close when its selector thread sees it unreachable (17)
            open = openFiles();
        }
        return String.format(", %,d after (the server closed %,d connections; %.1f s until settled%s)", open,
                closed, (System.nanoTime() - start) / 1e9, open > settled ? ", gave up" : "");
    }

    private record Result(double pagesPerSecond, double cpuMicrosPerPage, int maxWaiting, long failed,
            double heapPerSourceKb, long openFilesAtStart) {
    }

    private static Result measure(String contender, DelayedServer server, HttpClient client, int sources, int pages)
            throws Exception {
        System.gc();
        long openFiles = openFiles();
        long before = usedHeap();
        CompletableFuture<Long> heapWhileWaiting = server.whenWaiting(sources * 9 / 10).thenApplyAsync(reached -> {
            System.gc();
            return usedHeap();
        });
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        long failed = switch (contender) {
            case "inlet" -> inlet(server.baseUrl(), sources, null);
            case "inlet-async" -> inlet(server.baseUrl(), sources, ASYNC);
            case "jdk", "jdk-direct" -> bare(client, server.baseUrl(), sources, pages);
            case "jdk-async" -> bareAsync(client, server.baseUrl(), sources, pages);
            default -> throw new IllegalArgumentException("unknown contender " + contender
                    + " (inlet, inlet-async, jdk, jdk-direct, jdk-async)");
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpu0;
        double heapPerSource = heapWhileWaiting.isDone() ? (heapWhileWaiting.join() - before) / 1024.0 / sources
                : Double.NaN;
        return new Result((double) sources * pages / seconds, cpu / 1e3 / ((double) sources * pages),
                server.maxWaiting.get(), failed, heapPerSource, openFiles);
    }

    /**
     * Inlet over the JDK client's asynchronous API ({@code inlet-async}): one pipeline for every source, so
     * one JDK client, as a host would share it; {@code ConcurrentFetch} then reads each with {@code readAsync}.
     */
    private static final HttpPipeline ASYNC = HttpPipeline.builder().transport(Transport.jdk()).build();

    private static long inlet(String base, int sources, HttpPipeline pipeline) {
        ConcurrentFetch.Builder fetch = ConcurrentFetch.builder().maxConcurrent(Math.min(sources, 100_000));
        for (int i = 0; i < sources; i++) {
            RestConnector.Builder builder = RestConnector.builder("s" + i).baseUrl(base).path("/p").records("/data")
                    .paginator(Paginators.bodyCursor("page", "/next")).absentMeansEnd();
            Connector<JsonNode> connector = (pipeline == null ? builder : builder.pipeline(pipeline)).build();
            fetch.add(connector, record -> { });
        }
        FetchReport report = fetch.build().run();
        return report.failed().size();
    }

    /** Each source a task that sends its pages in turn, on the threads Inlet would use. */
    private static long bare(HttpClient client, String base, int sources, int pages) throws Exception {
        ExecutorService threads = virtualOrPool();
        List<Future<?>> all = new ArrayList<>(sources);
        for (int i = 0; i < sources; i++) {
            all.add(threads.submit(() -> {
                for (int p = 0; p < pages; p++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/p?page=" + p))
                            .timeout(Duration.ofSeconds(30)).build();
                    byte[] body = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
                    if (body.length == 0) {
                        throw new IllegalStateException("empty page " + p);
                    }
                }
                return null;
            }));
        }
        long failed = 0;
        for (Future<?> f : all) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        return failed;
    }

    /**
     * The baseline of {@code inlet-async}: each source chains {@code sendAsync} for its pages on the
     * direct-executor client (Inlet's settings), so no thread waits; bodies read as byte arrays.
     */
    private static long bareAsync(HttpClient client, String base, int sources, int pages) throws Exception {
        List<CompletableFuture<Void>> all = new ArrayList<>(sources);
        for (int i = 0; i < sources; i++) {
            all.add(page(client, base, 0, pages));
        }
        long failed = 0;
        for (CompletableFuture<Void> f : all) {
            try {
                f.get(10, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
            }
        }
        return failed;
    }

    private static CompletableFuture<Void> page(HttpClient client, String base, int page, int pages) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/p?page=" + page))
                .timeout(Duration.ofSeconds(30)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenCompose(response -> {
            if (response.body().length == 0) {
                throw new IllegalStateException("empty page " + page);
            }
            return page + 1 < pages ? page(client, base, page + 1, pages) : CompletableFuture.completedFuture(null);
        });
    }

    /** A virtual thread per task on 21+, else 256 platform threads: what ConcurrentFetch starts. */
    private static ExecutorService virtualOrPool() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException before21) {
            return Executors.newFixedThreadPool(256, r -> {
                Thread t = new Thread(r, "bare-client");
                t.setDaemon(true);
                return t;
            });
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The process's open file descriptors (entries of /proc/self/fd, less the one listing them), or -1. */
    private static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** The process's limit on open files, or -1 where the JVM does not tell. */
    private static long maxOpenFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : -1;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
