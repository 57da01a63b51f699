package dev.inlet.bench;

import dev.inlet.bench.faults.FaultBenchmark;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.memory.MemoryBenchmark;
import dev.inlet.bench.paging.PagingBenchmark;
import dev.inlet.bench.pipeline.PipelineOverhead;
import dev.inlet.bench.ratelimit.Throttling;
import dev.inlet.bench.server.ServerThroughput;
import dev.inlet.bench.sql.SqlBenchmarks;
import dev.inlet.bench.webhooks.StripeVerification;
import dev.inlet.bench.webhooks.WebhookThroughput;
import java.util.Arrays;

/**
 * The benchmarks' entry point: {@code java -jar bench/target/inlet-benchmarks.jar <benchmark> [--option value ...]}.
 * See bench/README.md for each benchmark and its options.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Runs the named benchmark. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar inlet-benchmarks.jar paging|memory|pipeline|ratelimit|webhooks|"
                    + "stripe|graphql|faults|servers|observability|latency|waiting|sql|definitions|connect [--option value ...]");
            System.exit(2);
        }
        Options options = new Options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "paging" -> PagingBenchmark.rest(options);
            case "graphql" -> PagingBenchmark.graphql(options);
            case "observability" -> PagingBenchmark.observability(options);
            case "memory" -> MemoryBenchmark.run(options);
            case "pipeline" -> PipelineOverhead.run(options);
            case "stripe" -> StripeVerification.run(options);
            case "ratelimit" -> Throttling.run(options);
            case "webhooks" -> WebhookThroughput.run(options);
            case "faults" -> FaultBenchmark.run(options);
            case "servers" -> ServerThroughput.run(options);
            case "latency" -> dev.inlet.bench.latency.LatencyBenchmark.run(options);
            case "waiting" -> dev.inlet.bench.latency.WaitingSources.run(options);
            case "sql" -> SqlBenchmarks.run(options);
            case "definitions" -> dev.inlet.bench.declarative.DefinitionOverhead.run(options);
            case "connect" -> dev.inlet.bench.connect.ConnectThroughput.run(options);
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
