package dev.inlet.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Connector;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.compose.ConcurrentFetch;
import dev.inlet.core.compose.FetchReport;
import dev.inlet.core.compose.Substreams;
import dev.inlet.core.schedule.Job;
import dev.inlet.core.schedule.Schedule;
import dev.inlet.core.schedule.ScheduledRun;
import dev.inlet.core.schedule.Scheduler;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.http.Origin;
import dev.inlet.core.http.Transport;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.rest.paginate.Paginators;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many REST sources waiting at once without a thread each, on the JVM running the build (Java 17 in CI):
 * {@link ConcurrentFetch} without an executor reads each connector with {@code readAsync}, and a REST
 * connector over {@link Transport#jdk()} opens its pages through the pipeline's asynchronous form. The
 * server holds every first page until all of them have arrived, so they all wait at the same moment;
 * later pages are answered at once. Each tenant's records arrive once, in order, with its own credential.
 * The same for {@link Substreams} children of one parent list, and for connector jobs of a {@link Scheduler}.
 */
class AsyncSourcesTest {

    private static final int SOURCES = 300;
    private static final int RECORDS = 7;
    private static final int PAGE = 3;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final LinkedBlockingQueue<HttpExchange> heldFirstPages = new LinkedBlockingQueue<>();
    private final CountDownLatch firstPagesArrived = new CountDownLatch(SOURCES);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SOURCES * 2);
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/parents")) {
                answerParents(exchange);
            } else if (offset(exchange) == 0) {
                heldFirstPages.add(exchange);
                firstPagesArrived.countDown();
            } else {
                answer(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void hundredsOfRestSourcesWaitAtOnceWithoutAThreadEach() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpPipeline pipeline = HttpPipeline.builder().transport(Transport.jdk())
                .rateLimiter(RateLimiters.create().perHost(RateLimit.builder().bursty(10 * SOURCES, Duration.ofMinutes(1))
                        .build()))
                .build();
        Map<String, List<Integer>> received = new ConcurrentHashMap<>();
        ConcurrentFetch.Builder fetch = ConcurrentFetch.builder().maxConcurrent(SOURCES);
        for (int tenant = 0; tenant < SOURCES; tenant++) {
            String name = "tenant-" + tenant;
            List<Integer> records = java.util.Collections.synchronizedList(new ArrayList<>());
            received.put(name, records);
            Connector<JsonNode> connector = RestConnector.builder(name).baseUrl(base).path("/" + name + "/items")
                    .pipeline(pipeline)
                    .credentials(Credentials.bearer(Origin.of(URI.create(base)), Secret.of("key-" + tenant)))
                    .records("/items").paginator(Paginators.offset("offset", "limit", PAGE)).build();
            fetch.add(connector, record -> records.add(record.get("n").asInt()));
        }
        int before = ManagementFactory.getThreadMXBean().getThreadCount();

        CompletableFuture<FetchReport> run = CompletableFuture.supplyAsync(() -> fetch.build().run());
        assertThat(firstPagesArrived.await(60, TimeUnit.SECONDS)).as("all %d first pages waiting at once", SOURCES)
                .isTrue();
        int during = ManagementFactory.getThreadMXBean().getThreadCount();
        for (HttpExchange exchange : heldFirstPages) {
            answer(exchange);
        }
        FetchReport report = run.get(60, TimeUnit.SECONDS);

        assertThat(report.failed()).isEmpty();
        assertThat(report.outcomes()).hasSize(SOURCES).allSatisfy(outcome ->
                assertThat(outcome.report()).hasValueSatisfying(r -> assertThat(r.valid()).isEqualTo(RECORDS)));
        List<Integer> expected = IntStream.range(0, RECORDS).boxed().collect(Collectors.toList());
        assertThat(received.values()).allSatisfy(records -> assertThat(records).isEqualTo(expected));
        assertThat(during - before).as("threads added while %d sources waited (a thread each would be %d)", SOURCES,
                SOURCES).isLessThan(SOURCES / 3);
    }

    @Test
    void substreamChildrenWaitAtOnceWithoutAThreadEachAndComeOutInParentOrder() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Origin origin = Origin.of(URI.create(base));
        HttpPipeline pipeline = HttpPipeline.builder().transport(Transport.jdk()).build();
        Connector<JsonNode> parents = RestConnector.builder("tenants").baseUrl(base).path("/parents").records("/items")
                .pipeline(pipeline).build();
        Substreams<JsonNode> children = Substreams.builder(parents, tenant -> {
            int id = tenant.get("id").asInt();
            return RestConnector.builder("tenant-" + id).baseUrl(base).path("/tenant-" + id + "/items").pipeline(pipeline)
                    .credentials(Credentials.bearer(origin, Secret.of("key-" + id)))
                    .records("/items").paginator(Paginators.offset("offset", "limit", PAGE)).build();
        }).carry("/id").concurrency(SOURCES).build();
        int before = ManagementFactory.getThreadMXBean().getThreadCount();

        List<JsonNode> records = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Long> run = CompletableFuture.supplyAsync(() -> children.run(records::add).records());
        assertThat(firstPagesArrived.await(60, TimeUnit.SECONDS)).as("all %d children's first pages waiting at once",
                SOURCES).isTrue();
        int during = ManagementFactory.getThreadMXBean().getThreadCount();
        for (HttpExchange exchange : heldFirstPages) {
            answer(exchange);
        }

        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo((long) SOURCES * RECORDS);
        List<String> expected = IntStream.range(0, SOURCES).boxed()
                .flatMap(tenant -> IntStream.range(0, RECORDS).mapToObj(n -> tenant + ":" + n)).toList();
        assertThat(records).extracting(r -> r.get("parent_id").asInt() + ":" + r.get("n").asInt())
                .as("in parent order, each child in its own order").isEqualTo(expected);
        assertThat(during - before).as("threads added while %d children waited", SOURCES).isLessThan(SOURCES / 3);
    }

    @Test
    void scheduledConnectorJobsWaitAtOnceWithoutAThreadEach() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Origin origin = Origin.of(URI.create(base));
        HttpPipeline pipeline = HttpPipeline.builder().transport(Transport.jdk()).build();
        List<ScheduledRun> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch allDone = new CountDownLatch(SOURCES);
        try (Scheduler scheduler = Scheduler.builder().manual().onRunDone(run -> {
            runs.add(run);
            allDone.countDown();
        }).build()) {
            for (int tenant = 0; tenant < SOURCES; tenant++) {
                Connector<JsonNode> connector = RestConnector.builder("tenant-" + tenant).baseUrl(base)
                        .path("/tenant-" + tenant + "/items").pipeline(pipeline)
                        .credentials(Credentials.bearer(origin, Secret.of("key-" + tenant)))
                        .records("/items").paginator(Paginators.offset("offset", "limit", PAGE)).build();
                scheduler.schedule("tenant-" + tenant, Schedule.fixedRate(Duration.ofHours(1)),
                        Job.of(connector, record -> { }));
            }
            int before = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int tenant = 0; tenant < SOURCES; tenant++) {
                scheduler.runNow("tenant-" + tenant);
            }
            assertThat(firstPagesArrived.await(60, TimeUnit.SECONDS)).as("all %d jobs' first pages waiting at once",
                    SOURCES).isTrue();
            int during = ManagementFactory.getThreadMXBean().getThreadCount();
            for (HttpExchange exchange : heldFirstPages) {
                answer(exchange);
            }

            assertThat(allDone.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasSize(SOURCES).allSatisfy(run -> {
                assertThat(run.succeeded()).isTrue();
                assertThat(run.records()).isEqualTo(RECORDS);
            });
            assertThat(during - before).as("threads added while %d scheduled jobs waited", SOURCES)
                    .isLessThan(SOURCES / 3);
        }
    }

    private static void answerParents(HttpExchange exchange) throws IOException {
        String parents = IntStream.range(0, SOURCES).mapToObj(i -> "{\"id\":" + i + "}").collect(Collectors.joining(","));
        byte[] body = ("{\"items\":[" + parents + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    private static long offset(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("offset=")) {
                return Long.parseLong(pair.substring("offset=".length()));
            }
        }
        return 0;
    }

    /** The tenant's page at the request's offset, refused unless it carries that tenant's key. */
    private static void answer(HttpExchange exchange) throws IOException {
        String tenant = exchange.getRequestURI().getPath().split("/")[1].substring("tenant-".length());
        boolean authorized = ("Bearer key-" + tenant).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        long from = offset(exchange);
        String items = items(from, Math.min(RECORDS, from + PAGE));
        byte[] body = (authorized ? "{\"items\":[" + items + "]}" : "{\"error\":\"wrong key\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    /** The records {@code {"n":i}} for i in [from, to), comma-separated. */
    private static String items(long from, long to) {
        return java.util.stream.LongStream.range(from, to).mapToObj(i -> "{\"n\":" + i + "}")
                .collect(Collectors.joining(","));
    }
}
