package dev.inlet.examples;

import dev.inlet.examples.demo.DemoResult;
import dev.inlet.examples.demo.DemoRun;
import dev.inlet.examples.demo.DemoSettings;

/**
 * The demo, the README's first command: starts Stripe-, GitHub- and Shopify-like services and a
 * webhook sender on loopback ports, pulls every record through Inlet's public API (paginated,
 * rate-limited, retried, validated, cost-paced), computes daily metrics, prints them and writes
 * them as CSV and JSON. With credentials in the environment it pulls from the real services instead
 * (see {@link DemoSettings}).
 */
public final class Demo {

    private Demo() {
    }

    /** Runs the demo, printing to standard output; exits non-zero if a source failed. */
    public static void main(String[] args) throws Exception {
        // The JDK's embedded HTTP server otherwise holds every small response ~40 ms (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        DemoResult result = new DemoRun(DemoSettings.from(args, System.getenv()), System.out,
                System.console() != null).run();
        if (!result.allSucceeded()) {
            System.exit(1);
        }
    }
}
