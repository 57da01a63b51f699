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
        // Names carry the parameters ("javaConnector[pages=20,perPage=100]"): match on the method.
        JmhRunner.Summary java = s.values().stream().filter(x -> method(x).equals("javaConnector")).findFirst()
                .orElse(null);
        for (JmhRunner.Summary summary : s.values()) {
            String note = "";
            if (java != null && method(summary).equals("definition")) {
                double ratio = summary.nanos().median() / java.nanos().median();
                note = String.format(Locale.ROOT, "%.3f x the Java connector's time (goal <= 1.02: %s), %.3f x its "
                        + "allocation", ratio, ratio <= 1.02 ? "met" : "MISSED",
                        summary.bytes().median() / java.bytes().median());
            }
            System.out.println(JmhRunner.row(summary, note));
        }
    }

    private static String method(JmhRunner.Summary summary) {
        int bracket = summary.name().indexOf('[');
        return bracket < 0 ? summary.name() : summary.name().substring(0, bracket);
    }
}
