package dev.inlet.bench.latency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.bench.data.Records;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback API that answers like a remote one: each page after a fixed latency. Pages are
 * pre-rendered ({@code {"data":[...]}}, ~190 bytes a record).
 *
 * <ul>
 *   <li>{@code /offset?offset=N&limit=M}: the whole response after the latency;</li>
 *   <li>{@code /limited?...}: the same, but a 429 (with {@code Retry-After: 1}) beyond a token bucket
 *       of 10 per second with a burst of 2 (an API allowing 10 pages/s);</li>
 *   <li>{@code /link?page=N}: the head (with {@code Link: rel="next"}) and half the body after half the
 *       latency, the rest of the body after the other half (a body that takes time to arrive).</li>
 * </ul>
 */
final class SlowApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-api");
        t.setDaemon(true);
        return t;
    });
    private final byte[][] pages;
    private final int perPage;
    private final long latencyMillis;
    private final AtomicLong lastAccepted = new AtomicLong();
    private double tokens = 2.0;
    final AtomicInteger tooMany = new AtomicInteger();

    SlowApi(int pageCount, int perPage, long latencyMillis) throws IOException {
        this.perPage = perPage;
        this.latencyMillis = latencyMillis;
        pages = new byte[pageCount + 1][];
        for (int p = 0; p <= pageCount; p++) {
            byte[] records = p == pageCount ? new byte[0] : Records.commaSeparated((long) p * perPage, (long) (p + 1) * perPage);
            byte[] open = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
            byte[] page = new byte[open.length + records.length + 2];
            System.arraycopy(open, 0, page, 0, open.length);
            System.arraycopy(records, 0, page, open.length, records.length);
            page[page.length - 2] = ']';
            page[page.length - 1] = '}';
            pages[p] = page;
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/offset", e -> whole(e, false));
        server.createContext("/limited", e -> whole(e, true));
        server.createContext("/link", this::link);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String param(HttpExchange e, String name, String otherwise) {
        String q = e.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return otherwise;
    }

    private byte[] page(int index) {
        return pages[Math.min(index, pages.length - 1)];
    }

    private void whole(HttpExchange e, boolean limited) throws IOException {
        try (e) {
            if (limited) {
                if (!takeToken()) {
                    tooMany.incrementAndGet();
                    e.getResponseHeaders().set("Retry-After", "1");
                    e.sendResponseHeaders(429, -1);
                    return;
                }
            }
            pause(latencyMillis);
            int offset = Integer.parseInt(param(e, "offset", "0"));
            byte[] body = page(offset / perPage);
            e.getResponseHeaders().set("Content-Type", "application/json");
            e.sendResponseHeaders(200, body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A token bucket: 10 per second, at most 2 saved up (a burst of 2), as APIs allowing 10/s do. */
    private synchronized boolean takeToken() {
        long now = System.nanoTime();
        if (lastAccepted.get() == 0) {
            lastAccepted.set(now);
        }
        tokens = Math.min(2.0, tokens + (now - lastAccepted.get()) / 100_000_000.0);
        lastAccepted.set(now);
        if (tokens < 1.0) {
            return false;
        }
        tokens -= 1.0;
        return true;
    }

    private void link(HttpExchange e) throws IOException {
        try (e) {
            int page = Integer.parseInt(param(e, "page", "0"));
            pause(latencyMillis / 2);
            byte[] body = page(page);
            e.getResponseHeaders().set("Content-Type", "application/json");
            if (page < pages.length - 2) {
                e.getResponseHeaders().set("Link", "<" + baseUrl() + "/link?page=" + (page + 1) + ">; rel=\"next\"");
            }
            e.sendResponseHeaders(200, body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
                pause(latencyMillis - latencyMillis / 2);
                out.write(body, body.length / 2, body.length - body.length / 2);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the simulated server's latency
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
