package dev.inlet.examples.fakes;

import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Stripe-like API on a loopback port, a {@link FakeApi} shaped like Stripe's list endpoints:
 * {@code /v1/charges} and {@code /v1/customers}, {@code limit} and {@code starting_after},
 * {@code {"data":[…],"has_more":…}}, amounts in cents, a bearer secret key. Like a real service it
 * misbehaves now and then: the first request for a few pages of charges answers 429 with
 * {@code Retry-After} or 503, and a few charges are malformed (amount not a number, currency
 * missing). Data is generated deterministically so tests can assert exact totals.
 */
public final class FakeStripe implements AutoCloseable {

    /** One generated charge; {@code malformed} ones are served broken. */
    public record Charge(String id, long amountCents, String currency, long created, String customer,
            String country, boolean malformed) {
    }

    /** One generated customer. */
    public record Customer(String id, String email, long created) {
    }

    /** 2026-03-23T00:00:00Z: the demo's data spans the week of the European daylight-saving change. */
    public static final long START = 1_774_224_000L;

    /** Records per page the faulted page numbers count in (what the presets ask for). */
    private static final int PAGE = 100;

    private final List<Charge> charges;
    private final List<Customer> customers;
    private final FakeApi api;

    private FakeStripe(String apiKey, int chargeCount, Set<Integer> throttledPages, Set<Integer> failingPages) {
        this.charges = generateCharges(chargeCount);
        this.customers = generateCustomers(chargeCount / 8);
        this.api = FakeApi.builder().path("/v1/charges").records(RecordSet.of(charges.stream().map(FakeStripe::json)
                        .toList()))
                .resource("/v1/customers", RecordSet.of(customers.stream().map(c -> Map.of("id", c.id(),
                        "object", "customer", "email", c.email(), "created", c.created())).toList()))
                .paging(Paging.lastRecordId()).pageSize(10).maxPageSize(PAGE).auth(Auth.bearer(apiKey))
                .faults(firstRequestOf(throttledPages, failingPages)).start();
    }

    /**
     * Starts the fake.
     *
     * @param apiKey the only secret key it accepts
     * @param chargeCount how many charges it serves (customers: one per eight charges)
     * @param throttledPages 0-based page numbers (of 100 charges) whose first request gets a 429
     * @param failingPages page numbers whose first request gets a 503
     */
    public static FakeStripe start(String apiKey, int chargeCount, Set<Integer> throttledPages,
            Set<Integer> failingPages) {
        return new FakeStripe(apiKey, chargeCount, throttledPages, failingPages);
    }

    /**
     * The plan that fails the first request of each listed page of a client reading the charges
     * page after page: page {@code p}'s first request is number {@code p} plus the faults before it
     * (each retried once). The customers' requests are not numbered, so reading both at once is fine.
     */
    private static FaultPlan firstRequestOf(Set<Integer> throttledPages, Set<Integer> failingPages) {
        FaultPlan.Builder plan = FaultPlan.builder();
        TreeSet<Integer> pages = new TreeSet<>(throttledPages);
        pages.addAll(failingPages);
        int before = 0;
        for (int page : pages) {
            plan.at(page + before++, throttledPages.contains(page) ? Fault.rateLimited(Duration.ofSeconds(1))
                    : Fault.status(503));
        }
        return plan.build();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return api.baseUrl();
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
        return api.requests().size();
    }

    /** Requests answered with a 429 or 503 on purpose. */
    public int faults() {
        return (int) api.requests().stream().filter(r -> !r.fault().equals("ok")).count();
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

    /** A charge as Stripe sends it; a malformed one has its amount as {@code "12,34"} and no currency. */
    private static Map<String, Object> json(Charge c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("object", "charge");
        if (c.malformed()) {
            out.put("amount", c.amountCents() / 100 + "," + c.amountCents() % 100);
        } else {
            out.put("amount", c.amountCents());
            out.put("currency", c.currency());
        }
        out.put("created", c.created());
        out.put("customer", c.customer());
        out.put("paid", true);
        out.put("livemode", false);
        out.put("billing_details", Map.of("address", Map.of("country", c.country())));
        out.put("metadata", Map.of());
        return out;
    }

    @Override
    public void close() {
        api.close();
    }
}
