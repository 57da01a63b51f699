package dev.inlet.examples;

import dev.inlet.core.Connector;
import dev.inlet.core.RunReport;
import dev.inlet.examples.fakes.FakeStripe;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo: starts a Stripe-like API on a loopback port, pulls every charge through Inlet page by
 * page, and prints revenue per currency with the run's report.
 */
public final class Demo {

    /** A charge as the demo needs it: unknown fields are ignored, money stays exact. */
    public record Charge(String id, long amount, String currency, long created) {
    }

    private Demo() {
    }

    /** Runs the demo and prints to standard output. */
    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs the demo, printing to {@code out}; returns revenue per currency. */
    public static Map<String, BigDecimal> run(PrintStream out) throws Exception {
        try (FakeStripe stripe = FakeStripe.start("sk_test_demo", 1_000, java.util.Set.of(), java.util.Set.of())) {
            Connector<Charge> charges = RestConnector.builder("stripe-charges")
                    .baseUrl(stripe.baseUrl())
                    .path("/v1/charges")
                    .header("Authorization", "Bearer sk_test_demo")
                    .query("limit", "100")
                    .records("/data")
                    .paginator(Paginators.stripe())
                    .onInvalid(dev.inlet.core.InvalidRecordPolicy.QUARANTINE)
                    .build(Charge.class);

            Map<String, BigDecimal> revenue = new TreeMap<>();
            try (Stream<Charge> stream = charges.records()) {
                stream.forEach(c -> revenue.merge(c.currency(), BigDecimal.valueOf(c.amount()).movePointLeft(2), BigDecimal::add));
            }
            RunReport report = charges.lastReport().orElseThrow();
            out.println("Revenue by currency (fake Stripe at " + stripe.baseUrl() + "):");
            revenue.forEach((currency, total) -> out.printf("  %-4s %14s%n", currency.toUpperCase(), total));
            out.println(report.summary());
            return revenue;
        }
    }
}
