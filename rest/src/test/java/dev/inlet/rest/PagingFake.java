package dev.inlet.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port whose body is computed from each request's query, for APIs
 * that page without end (a fresh cursor on every empty page, or the same page whatever the offset).
 * Not the test kit's {@code FakeApi}: that one pages well by design, and these guards need pages
 * that contradict themselves and envelopes of other shapes ({@code next_cursor}, {@code results}).
 */
final class PagingFake implements AutoCloseable {

    /** The response to one request: a JSON body and extra headers. */
    record Reply(String body, Map<String, String> headers) {
        static Reply json(String body) {
            return new Reply(body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    PagingFake(Function<Map<String, String>, Reply> pages) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, pages));
        server.start();
    }

    private void answer(HttpExchange exchange, Function<Map<String, String>, Reply> pages) throws IOException {
        requests.add(exchange.getRequestURI());
        Reply reply = pages.apply(query(exchange.getRequestURI()));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return out;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, in order. */
    List<URI> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
