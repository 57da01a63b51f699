package dev.inlet.rest.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process, Stripe-like list API on a loopback ephemeral port: {@code GET /items?starting_after=<id>}
 * returns the next {@link #PAGE_SIZE} of {@link #RECORDS} records {@code {"id":"r00042","n":42}} and
 * {@code has_more}. Deterministic, so every restarted child sees the same data.
 */
final class CrashServer implements AutoCloseable {

    static final int RECORDS = 20_000;
    static final int PAGE_SIZE = 100;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger requests = new AtomicInteger();

    CrashServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/items", this::page);
        server.start();
    }

    static String id(int n) {
        return String.format("r%05d", n);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void page(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        int from = 0;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("starting_after=")) {
                    String after = URLDecoder.decode(pair.substring("starting_after=".length()), StandardCharsets.UTF_8);
                    from = Integer.parseInt(after.substring(1)) + 1;
                }
            }
        }
        int to = Math.min(from + PAGE_SIZE, RECORDS);
        StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int n = from; n < to; n++) {
            body.append(n == from ? "" : ",").append("{\"id\":\"").append(id(n)).append("\",\"n\":").append(n).append('}');
        }
        body.append("],\"has_more\":").append(to < RECORDS).append('}');
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
