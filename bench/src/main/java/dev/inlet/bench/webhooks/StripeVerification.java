package dev.inlet.bench.webhooks;

import dev.inlet.bench.harness.JmhRunner;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import java.util.Locale;
import java.util.Map;

/** Runs {@link StripeVerifyBenchmark} under JMH and prints the table with throughput ratios. */
public final class StripeVerification {

    private StripeVerification() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        System.out.println("## Stripe-scheme verification (JMH, -prof gc)");
        System.out.println(Machine.describe());
        Map<String, JmhRunner.Summary> s = JmhRunner.run(StripeVerifyBenchmark.class, options);
        System.out.println();
        System.out.println("| benchmark | ns/op, median over forks (min–max) | B/op (min–max) | verifications/s |");
        System.out.println("|---|---|---|---|");
        for (JmhRunner.Summary summary : s.values()) {
            System.out.println(JmhRunner.row(summary, String.format(Locale.ROOT, "%,.0f", 1e9 / summary.nanos().median())));
        }
        ratio(s, "stripeConstructEvent", "inletVerify", "Inlet verify vs stripe-java constructEvent (target >= 1.5x)");
        ratio(s, "stripeConstructEvent", "inletVerifyAndParse", "Inlet verify + parse vs constructEvent");
        ratio(s, "stripeVerifyHeader", "inletVerify", "Inlet verify vs stripe-java Signature.verifyHeader");
    }

    private static void ratio(Map<String, JmhRunner.Summary> s, String baseline, String inlet, String label) {
        if (s.containsKey(baseline) && s.containsKey(inlet)) {
            System.out.printf(Locale.ROOT, "%s: %.2fx (median ns/op ratio; fork extremes %.2fx–%.2fx)%n", label,
                    s.get(baseline).nanos().median() / s.get(inlet).nanos().median(),
                    s.get(baseline).nanos().min() / s.get(inlet).nanos().max(),
                    s.get(baseline).nanos().max() / s.get(inlet).nanos().min());
        }
    }
}
