package dev.inlet.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on a loopback ephemeral port whose handlers write raw bytes, lazily: hostile bodies
 * (endless whitespace, a 50 MB string, a compressed bomb) are generated as they are sent, never held
 * in memory, and a handler ends quietly when the client hangs up. Counts requests per path.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Answers one exchange. */
    @FunctionalInterface
    public interface Handler {
        /** Writes the response; an {@link IOException} (the client went away) ends it quietly. */
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** A started server. */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Serves the path (and everything below it) with the handler. */
    public LoopbackServer route(String path, Handler handler) {
        requests.put(path, new AtomicInteger());
        server.createContext(path, exchange -> {
            requests.get(path).incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException clientWentAway) {
                // A client that stops reading a hostile body closes the connection: expected.
            }
        });
        return this;
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests the path's route has received. */
    public int requests(String path) {
        return requests.get(path).get();
    }

    /** Sends a 200 head with the content type (and encoding, if not null), chunked. */
    public static OutputStream ok(HttpExchange exchange, String contentType, String contentEncoding)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (contentEncoding != null) {
            exchange.getResponseHeaders().set("Content-Encoding", contentEncoding);
        }
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    /** Writes the text as UTF-8. */
    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code count} copies of the byte, 64 KiB at a time, never holding more. */
    public static void repeat(OutputStream out, byte b, long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, b);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
