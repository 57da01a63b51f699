package dev.inlet.bench.pipeline;

import dev.inlet.bench.harness.JmhRunner;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import java.util.Locale;
import java.util.Map;

/** Runs {@link PipelineBenchmark} under JMH and prints the overhead table against the targets. */
public final class PipelineOverhead {

    private PipelineOverhead() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        System.out.println("## Pipeline overhead (JMH, -prof gc)");
        System.out.println(Machine.describe());
        Map<String, JmhRunner.Summary> s = JmhRunner.run(PipelineBenchmark.class, options);
        System.out.println();
        System.out.println("| benchmark | ns/op, median over forks (min–max) | B/op (min–max) | note |");
        System.out.println("|---|---|---|---|");
        JmhRunner.Summary bare = s.get("bareTransport");
        for (JmhRunner.Summary summary : s.values()) {
            String note = "";
            if (bare != null && summary != bare) {
                double ns = summary.nanos().median() - bare.nanos().median();
                double bytes = summary.bytes().median() - bare.bytes().median();
                note = String.format(Locale.ROOT, "adds %,.0f ns and %,.0f B per request%s", ns, bytes,
                        summary.name().equals("pipelineFull") ? String.format(Locale.ROOT,
                                " (target < 20,000 ns and < 10,240 B: %s)",
                                ns < 20_000 && bytes < 10_240 ? "met" : "MISSED") : "");
            }
            System.out.println(JmhRunner.row(summary, note));
        }
    }
}
