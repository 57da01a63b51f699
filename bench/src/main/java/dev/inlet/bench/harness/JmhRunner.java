package dev.inlet.bench.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a JMH benchmark class with the GC profiler, one fork per run (each fork a fresh JVM, forks
 * run one after another so benchmarks interleave fork by fork), and summarises each benchmark as
 * median (min–max) over forks of ns/op and bytes allocated per op.
 */
public final class JmhRunner {

    private JmhRunner() {
    }

    /** One benchmark's summary over forks. */
    public record Summary(String name, Stats nanos, Stats bytes) {
    }

    /** Runs the class's benchmarks and returns their summaries by method name. */
    public static Map<String, Summary> run(Class<?> benchmarks, Options options) throws Exception {
        return run(benchmarks, options, builder -> { });
    }

    /**
     * Runs the class's benchmarks with extra settings (e.g. {@code @Param} values) and returns their summaries by
     * method name, followed by {@code [name=value,...]} when the benchmark has parameters.
     */
    public static Map<String, Summary> run(Class<?> benchmarks, Options options,
            java.util.function.Consumer<ChainedOptionsBuilder> extra) throws Exception {
        int forks = options.integer("forks", 5);
        ChainedOptionsBuilder builder = new OptionsBuilder().include(benchmarks.getName() + "\\."
                + options.text("only", ".*")).addProfiler(GCProfiler.class).forks(forks)
                .warmupIterations(options.integer("warmups", 5)).warmupTime(TimeValue.seconds(1))
                .measurementIterations(options.integer("iterations", 5)).measurementTime(TimeValue.seconds(1))
                .threads(1).jvmArgs("-Xms1g", "-Xmx1g");
        extra.accept(builder);
        Collection<RunResult> results = new Runner(builder.build()).run();
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            if (!result.getParams().getParamsKeys().isEmpty()) {
                List<String> params = new ArrayList<>();
                for (String key : result.getParams().getParamsKeys()) {
                    params.add(key + "=" + result.getParams().getParam(key));
                }
                method += "[" + String.join(",", params) + "]";
            }
            List<Double> nanos = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                nanos.add(fork.getPrimaryResult().getScore());
                Result<?> alloc = fork.getSecondaryResults().get("gc.alloc.rate.norm");
                if (alloc != null) {
                    bytes.add(alloc.getScore());
                }
            }
            summaries.put(method, new Summary(method, Stats.of(nanos), Stats.of(bytes)));
        }
        return summaries;
    }

    /** A markdown row: name, ns/op and B/op. */
    public static String row(Summary s, String extra) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s |", s.name(), s.nanos().format("%,.1f"),
                s.bytes().format("%,.0f"), extra);
    }
}
