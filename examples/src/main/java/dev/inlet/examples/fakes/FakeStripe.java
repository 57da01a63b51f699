package dev.inlet.examples.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Stripe-like API on a loopback port, shaped like Stripe's list endpoints: {@code /v1/charges} and
 * {@code /v1/customers}, {@code limit} and {@code starting_after}, {@code {"object":"list","data":[…],
 * "has_more":…}}, amounts in cents, a bearer secret key. Like a real service it misbehaves now and
 * then: the first request for a few pages answers 429 with {@code Retry-After} or 503, and a few
 * charges are malformed (amount not a number, currency missing). Data is generated deterministically
 * so tests can assert exact totals.
 */
public final class FakeStripe extends FakeHttp {

    /** One generated charge; {@code malformed} ones are served broken. */
    public record Charge(String id, long amountCents, String currency, long created, String customer,
            String country, boolean malformed) {
    }

    /** One generated customer. */
    public record Customer(String id, String email, long created) {
    }

    /** 2026-03-23T00:00:00Z: the demo's data spans the week of the European daylight-saving change. */
    public static final long START = 1_774_224_000L;

    private final String apiKey;
    private final List<Charge> charges;
    private final List<Customer> customers;
    private final Set<Integer> throttledPages;
    private final Set<Integer> failingPages;
    private final Map<String, Boolean> faulted = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();

    private FakeStripe(String apiKey, int chargeCount, Set<Integer> throttledPages, Set<Integer> failingPages)
            throws IOException {
        this.apiKey = apiKey;
        this.charges = generateCharges(chargeCount);
        this.customers = generateCustomers(chargeCount / 8);
        this.throttledPages = Set.copyOf(throttledPages);
        this.failingPages = Set.copyOf(failingPages);
        route("/v1/charges", exchange -> list(exchange, "charge"));
        route("/v1/customers", exchange -> list(exchange, "customer"));
        start();
    }

    /**
     * Starts the fake.
     *
     * @param apiKey the only secret key it accepts
     * @param chargeCount how many charges it serves (customers: one per eight charges)
     * @param throttledPages 0-based page numbers (of 100 records) whose first request gets a 429
     * @param failingPages page numbers whose first request gets a 503
     */
    public static FakeStripe start(String apiKey, int chargeCount, Set<Integer> throttledPages,
            Set<Integer> failingPages) throws IOException {
        return new FakeStripe(apiKey, chargeCount, throttledPages, failingPages);
    }

    /** Every charge served, newest first (Stripe's order). */
    public List<Charge> charges() {
        return charges;
    }

    /** Every customer served, newest first. */
    public List<Customer> customers() {
        return customers;
    }

    /** Requests answered, faults included. */
    public int requests() {
        return requests.get();
    }

    /** Requests answered with a 429 or 503 on purpose. */
    public int faults() {
        return faults.get();
    }

    private static List<Charge> generateCharges(int count) {
        String[] currencies = {"eur", "eur", "usd", "gbp"};
        String[] countries = {"DE", "FR", "US", "GB", "DE", "NL"};
        List<Charge> out = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            long amount = 990 + (i * 7919L) % 24_000;
            long created = START + (i * 7L * 24 * 3600) / count;
            boolean malformed = i % 211 == 17;
            out.add(new Charge(String.format("ch_%06d", i), amount, currencies[i % currencies.length], created,
                    String.format("cus_%05d", (i * 31) % Math.max(1, count / 8)), countries[i % countries.length],
                    malformed));
        }
        return List.copyOf(out);
    }

    private static List<Customer> generateCustomers(int count) {
        List<Customer> out = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            out.add(new Customer(String.format("cus_%05d", i), "customer" + i + "@example.com",
                    START + (i * 7L * 24 * 3600) / Math.max(1, count)));
        }
        return List.copyOf(out);
    }

    private void list(HttpExchange exchange, String object) throws IOException {
        requests.incrementAndGet();
        if (!bearer(exchange, apiKey)) {
            respond(exchange, 401, "application/json",
                    "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI());
        int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "10"))));
        List<String> ids = object.equals("charge") ? charges.stream().map(Charge::id).toList()
                : customers.stream().map(Customer::id).toList();
        String after = query.get("starting_after");
        int from = after == null ? 0 : ids.indexOf(after) + 1;
        int page = from / limit;
        String faultKey = object + ":" + page;
        if (object.equals("charge") && faulted.putIfAbsent(faultKey, true) == null) {
            if (throttledPages.contains(page)) {
                faults.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "1");
                respond(exchange, 429, "application/json", "{\"error\":{\"type\":\"rate_limit_error\","
                        + "\"message\":\"Too many requests hit the API too quickly.\"}}");
                return;
            }
            if (failingPages.contains(page)) {
                faults.incrementAndGet();
                respond(exchange, 503, "application/json", "{\"error\":{\"type\":\"api_error\"}}");
                return;
            }
        }
        int to = Math.min(from + limit, ids.size());
        StringBuilder body = new StringBuilder("{\"object\":\"list\",\"url\":\"/v1/").append(object)
                .append("s\",\"has_more\":").append(to < ids.size()).append(",\"data\":[");
        for (int i = from; i < to; i++) {
            body.append(i > from ? "," : "");
            if (object.equals("charge")) {
                appendCharge(body, charges.get(i));
            } else {
                Customer c = customers.get(i);
                body.append("{\"id\":\"").append(c.id()).append("\",\"object\":\"customer\",\"email\":\"")
                        .append(c.email()).append("\",\"created\":").append(c.created()).append('}');
            }
        }
        respond(exchange, 200, "application/json", body.append("]}").toString());
    }

    private static void appendCharge(StringBuilder body, Charge c) {
        body.append("{\"id\":\"").append(c.id()).append("\",\"object\":\"charge\",\"amount\":");
        if (c.malformed()) {
            body.append("\"").append(c.amountCents() / 100).append(",").append(c.amountCents() % 100).append('"');
        } else {
            body.append(c.amountCents()).append(",\"currency\":\"").append(c.currency()).append('"');
        }
        body.append(",\"created\":").append(c.created()).append(",\"customer\":\"").append(c.customer())
                .append("\",\"paid\":true,\"livemode\":false,\"billing_details\":{\"address\":{\"country\":\"")
                .append(c.country()).append("\"}},\"metadata\":{}}");
    }
}
