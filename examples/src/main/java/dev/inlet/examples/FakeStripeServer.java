package dev.inlet.examples;

import dev.inlet.examples.fakes.FakeStripe;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demo's fake Stripe on a loopback port and prints its URL and key, for trying the
 * {@code inlet} command line without a Stripe account (README, "Pull Stripe charges into a CSV"):
 * {@code mvn -B -q -pl examples -am compile exec:java -Dexec.mainClass=dev.inlet.examples.FakeStripeServer}.
 * It serves until the process is stopped (Ctrl-C).
 */
public final class FakeStripeServer {

    /** The only secret key the fake accepts. */
    public static final String KEY = "sk_test_inlet_fake";
    /** Charges served (customers: one per eight charges). */
    public static final int CHARGES = 250;

    private FakeStripeServer() {
    }

    /** Starts the fake and waits until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        FakeStripe stripe = FakeStripe.start(KEY, CHARGES, Set.of(), Set.of());
        System.out.println("fake Stripe at " + stripe.baseUrl() + " (STRIPE_API_KEY=" + KEY + ", " + CHARGES
                + " charges); stop with Ctrl-C");
        new CountDownLatch(1).await();
    }
}
