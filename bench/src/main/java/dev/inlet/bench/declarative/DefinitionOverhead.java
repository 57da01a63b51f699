package dev.inlet.bench.declarative;

import dev.inlet.bench.harness.JmhRunner;
import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import java.util.Locale;
import java.util.Map;

/** Runs {@link DefinitionBenchmark} under JMH and prints the cost of a definition over Java. */
public final class DefinitionOverhead {

    private DefinitionOverhead() {
    }

    /** Runs it and prints the markdown table. */
    public static void run(Options options) throws Exception {
        System.out.println("## Definition vs Java connector (JMH, -prof gc)");
        System.out.println(Machine.describe());
        Map<String, JmhRunner.Summary> s = JmhRunner.run(DefinitionBenchmark.class, options);
        System.out.println();
        System.out.println("| benchmark | us/op, median over forks (min–max) | B/op (min–max) | note |");
        System.out.println("|---|---|---|---|");
        JmhRunner.Summary java = s.get("javaConnector");
        for (JmhRunner.Summary summary : s.values()) {
            String note = "";
            if (java != null && summary.name().equals("definition")) {
                double ratio = summary.nanos().median() / java.nanos().median();
                note = String.format(Locale.ROOT, "%.3f x the Java connector (goal <= 1.02: %s)", ratio,
                        ratio <= 1.02 ? "met" : "MISSED");
            }
            System.out.println(JmhRunner.row(summary, note));
        }
    }
}
