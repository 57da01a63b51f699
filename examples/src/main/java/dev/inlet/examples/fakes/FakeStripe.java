package dev.inlet.examples.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Stripe-like charges API on a loopback ephemeral port: {@code GET /v1/charges?limit=&starting_after=}
 * answering {@code {"object":"list","data":[…],"has_more":…}}, with a bearer API key required. The
 * data is generated deterministically, so tests can assert exact totals.
 */
public final class FakeStripe implements AutoCloseable {

    /** One generated charge. */
    public record Charge(String id, long amountCents, String currency, long created, String customer) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Charge> charges;
    private final String apiKey;

    private FakeStripe(int count, String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.charges = generate(count);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/v1/charges", this::charges);
        server.start();
    }

    /** Starts a fake with {@code count} charges that accepts only {@code apiKey}. */
    public static FakeStripe start(int count, String apiKey) throws IOException {
        return new FakeStripe(count, apiKey);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every charge the fake serves, in order. */
    public List<Charge> charges() {
        return charges;
    }

    private static List<Charge> generate(int count) {
        List<Charge> out = new ArrayList<>(count);
        String[] currencies = {"eur", "usd", "gbp"};
        long start = 1_767_225_600L; // 2026-01-01T00:00:00Z
        for (int i = 0; i < count; i++) {
            long amount = 500 + (i * 7919L) % 20_000;
            out.add(new Charge("ch_" + String.format("%05d", i), amount, currencies[i % 3], start + i * 3_600L,
                    "cus_" + (i % 37)));
        }
        return out;
    }

    private void charges(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
                return;
            }
            URI uri = exchange.getRequestURI();
            int limit = 10;
            String after = null;
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv[0].equals("limit")) {
                        limit = Math.max(1, Math.min(100, Integer.parseInt(kv[1])));
                    } else if (kv[0].equals("starting_after")) {
                        after = kv[1];
                    }
                }
            }
            int from = 0;
            if (after != null) {
                String id = after;
                from = 1 + charges.stream().map(Charge::id).toList().indexOf(id);
            }
            int to = Math.min(from + limit, charges.size());
            StringBuilder body = new StringBuilder("{\"object\":\"list\",\"url\":\"/v1/charges\",\"data\":[");
            for (int i = from; i < to; i++) {
                Charge c = charges.get(i);
                if (i > from) {
                    body.append(',');
                }
                body.append("{\"id\":\"").append(c.id()).append("\",\"object\":\"charge\",\"amount\":")
                        .append(new BigDecimal(c.amountCents()).movePointLeft(2)).append(",\"currency\":\"")
                        .append(c.currency()).append("\",\"created\":").append(c.created())
                        .append(",\"customer\":\"").append(c.customer()).append("\",\"paid\":true}");
            }
            body.append("],\"has_more\":").append(to < charges.size()).append('}');
            respond(exchange, 200, body.toString());
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
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
