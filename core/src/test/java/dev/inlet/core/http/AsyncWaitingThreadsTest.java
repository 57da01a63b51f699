package dev.inlet.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.core.Secret;
import dev.inlet.core.auth.Credentials;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The point of {@link HttpPipeline#sendAsync}: hundreds of requests waiting on a slow server at once, with
 * credentials, a rate limiter and a circuit breaker in the chain, hold no thread each (on Java 17 too,
 * where there are no virtual threads). The server holds every exchange until the test answers them all.
 */
class AsyncWaitingThreadsTest {

    private static final int WAITING = 400;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final LinkedBlockingQueue<HttpExchange> held = new LinkedBlockingQueue<>();
    /** The warm-up request and every waiting one. */
    private final CountDownLatch arrived = new CountDownLatch(WAITING + 1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), WAITING * 2);
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        // Keeps the exchange open and returns: the server holds no thread per waiting request either.
        server.createContext("/", exchange -> {
            held.add(exchange);
            arrived.countDown();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void hundredsOfWaitingRequestsHoldNoThreadEach() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Origin origin = Origin.of(URI.create(base));
        HttpPipeline pipeline = HttpPipeline.builder().transport(Transport.jdk())
                .credentials(Credentials.bearer(origin, Secret.of("tok")))
                .rateLimiter(RateLimiters.create().perHost(RateLimit.builder().bursty(2 * WAITING, java.time.Duration.ofMinutes(1)).build()))
                .circuitBreaker(dev.inlet.core.breaker.CircuitBreakers.create().perHost())
                .build();
        assertThat(pipeline.sendsAsynchronously()).isTrue();
        // Starts the shared executors (JDK client selector, waiting pool) before counting.
        warmUp(pipeline, base);
        int before = ManagementFactory.getThreadMXBean().getThreadCount();

        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            calls.add(pipeline.sendAsync(Request.builder(base + "/items?n=" + i).build()));
        }
        assertThat(arrived.await(60, TimeUnit.SECONDS)).as("all %d requests reached the server", WAITING).isTrue();
        int during = ManagementFactory.getThreadMXBean().getThreadCount();

        for (HttpExchange exchange : held) {
            answer(exchange);
        }
        for (int i = 0; i < WAITING; i++) {
            try (Response response = calls.get(i).get(60, TimeUnit.SECONDS)) {
                assertThat(response.bodyText()).isEqualTo("n=" + i + " Bearer tok");
            }
        }
        assertThat(during - before).as("threads added while %d requests waited (a thread each would be %d)", WAITING,
                WAITING).isLessThan(WAITING / 4);
    }

    private void warmUp(HttpPipeline pipeline, String base) throws Exception {
        CompletableFuture<Response> first = pipeline.sendAsync(Request.builder(base + "/warm?n=w").build());
        HttpExchange exchange = held.poll(30, TimeUnit.SECONDS);
        assertThat(exchange).as("the warm-up request reached the server").isNotNull();
        answer(exchange);
        first.get(30, TimeUnit.SECONDS).close();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Authorization");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}
