package dev.inlet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.bench.faults.FaultChild;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Stats;
import dev.inlet.bench.memory.MemoryChild;
import dev.inlet.bench.paging.PagingChild;
import dev.inlet.bench.paging.PagingClients;
import dev.inlet.bench.pipeline.PipelineBenchmark;
import dev.inlet.bench.ratelimit.Throttling;
import dev.inlet.bench.server.ServerThroughput;
import dev.inlet.bench.sql.SqlSinkBenchmark;
import dev.inlet.bench.sql.SqlSourceBenchmark;
import dev.inlet.bench.webhooks.StripeVerifyBenchmark;
import dev.inlet.bench.webhooks.WebhookChild;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark scenario at a tiny scale, in this JVM, so the harness cannot rot between
 * measurements: each client reads every record exactly once, the JMH benchmark methods return
 * valid answers, the shared limiter sees no 429 while the naive loop does, and every webhook
 * delivery is acknowledged and handled. It checks correctness only; it measures nothing.
 */
class BenchSmokeTest {

    @Test
    void everyPagingClientReadsEveryRecordOnce() throws Exception {
        List<String> clients = new ArrayList<>(PagingClients.DEFAULT);
        clients.add(PagingClients.JDK_POOL);
        clients.add(PagingClients.INLET_OBSERVED);
        clients.addAll(PagingClients.GRAPHQL);
        for (String client : clients) {
            // measure() throws unless the tally has exactly 2 x 100 records with the expected sum.
            Map<String, Object> result = PagingChild.measure(client, 2, 100, 0, 1);
            assertThat(result).as(client).containsEntry("records", 200L);
        }
    }

    @Test
    void theDefinitionBenchmarkReadsTheSameRecordsBothWays() throws Exception {
        dev.inlet.bench.declarative.DefinitionBenchmark benchmark = new dev.inlet.bench.declarative.DefinitionBenchmark();
        benchmark.pages = 3;
        benchmark.perPage = 10;
        benchmark.setUp();
        try {
            // read() throws unless every record arrives once with the expected sum.
            assertThat(benchmark.javaConnector()).isEqualTo(30);
            assertThat(benchmark.definition()).isEqualTo(30);
            assertThat(benchmark.loadAndBindOnly()).isNotNull();
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void bothServersOfTheServersBenchmarkAnswerEveryPage() throws Exception {
        // run() throws if either server answers a page with anything but a 200 and a body.
        ServerThroughput.Result result = ServerThroughput.run(
                new Options(new String[] {"--runs", "1", "--pages", "3", "--per-page", "10", "--warmups", "0"}));
        assertThat(result.fakeApi().n()).isEqualTo(1);
        assertThat(result.fakeApi().median()).isPositive();
        assertThat(result.loopbackServer().median()).isPositive();
    }

    @Test
    void theStreamingClientsReadOneLargeResponseAndDatabindHoldsIt() throws Exception {
        for (String client : List.of("inlet", "jdk-streaming", "okhttp-databind")) {
            Map<String, Object> result = MemoryChild.measure(client, 10_000);
            assertThat(result).as(client).containsEntry("outcome", "ok").containsEntry("records", 10_000L)
                    .containsEntry("exit", 0);
            assertThat((Long) result.get("sampledHeapPeak")).as(client).isPositive();
        }
    }

    @Test
    void theJmhBenchmarksAnswerCorrectly() throws Exception {
        PipelineBenchmark pipeline = new PipelineBenchmark();
        pipeline.setUp();
        assertThat(pipeline.bareTransport()).isEqualTo(200);
        assertThat(pipeline.pipelineDefaults()).isEqualTo(200);
        assertThat(pipeline.pipelineFull()).isEqualTo(200);

        StripeVerifyBenchmark stripe = new StripeVerifyBenchmark();
        stripe.setUp();
        assertThat(stripe.inletVerify().isValid()).isTrue();
        assertThat(stripe.inletVerifyAndParse().path("type").asString()).isEqualTo("charge.succeeded");
        assertThat(stripe.stripeConstructEvent().getType()).isEqualTo("charge.succeeded");
        assertThat(stripe.stripeVerifyHeader()).isTrue();
    }

    @Test
    void aSharedLimiterSeesNo429WhileTheNaiveLoopIsRefused() throws Exception {
        Throttling.Outcome inlet = Throttling.measure("inlet-shared-limiter", 8, 50, 1.0);
        assertThat(inlet.throttled()).as("429s with the shared limiter").isZero();
        assertThat(inlet.allowed()).as("requests let through in 1 s").isBetween(20L, 61L);

        Throttling.Outcome naive = Throttling.measure("naive-immediate", 8, 50, 1.0);
        assertThat(naive.throttled()).as("the fake server does refuse what it cannot allow").isPositive();
    }

    @Test
    void everyWebhookDeliveryIsAcknowledgedAndHandled() throws Exception {
        for (String server : List.of("inlet", "bare")) {
            Map<String, Object> result = WebhookChild.measure(server, 4, 50, 200);
            assertThat(result).as(server).containsEntry("complete", true).containsEntry("ok", 200L)
                    .containsEntry("failed", 0L);
        }
    }

    @Test
    void inletDeliversEveryRecordOnceThroughFaultsWhileTheRetryingLoopRepeatsSome() throws Exception {
        // 6 pages, one request in 2 failing: 503, 429 and a cut body each come up at least once.
        Map<String, Object> inlet = FaultChild.measure("inlet", 6, 100, 2, 0, 1);
        assertThat(inlet).containsEntry("exactlyOncePasses", "1/1").containsEntry("duplicatesPerPass", 0L);
        assertThat((Long) inlet.get("faultsPerPass")).isGreaterThanOrEqualTo(3L);

        Map<String, Object> loop = FaultChild.measure("failsafe-loop", 6, 100, 2, 0, 1);
        assertThat((Long) loop.get("duplicatesPerPass")).as("records delivered twice after a cut body").isPositive();
    }

    @Test
    void statisticsAreMedianAndRange() {
        assertThat(Stats.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Stats(2.0, 1.0, 3.0, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
        assertThat(Stats.percentile(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 99)).isEqualTo(10);
    }

    @Test
    void theSqlBenchmarksReadAndWriteEveryRowOnDuckDb() throws Exception {
        SqlSourceBenchmark source = new SqlSourceBenchmark();
        source.db = "duckdb";
        source.rows = 2_500;
        source.setUp();
        try {
            long loop = source.handWrittenLoop();
            assertThat(loop % 1_000_000L).isEqualTo(2_500);
            assertThat(source.inletStreaming()).isEqualTo(loop);
            assertThat(source.inletPerPage()).isEqualTo(loop);
        } finally {
            source.tearDown();
        }
        SqlSinkBenchmark sink = new SqlSinkBenchmark();
        sink.db = "duckdb";
        sink.rows = 30;
        sink.pageSize = 10;
        sink.setUp();
        try {
            for (java.util.concurrent.Callable<Long> op : List.<java.util.concurrent.Callable<Long>>of(
                    sink::inletBatched, sink::inletBulk, sink::handWrittenBatched)) {
                sink.empty();
                assertThat(op.call()).isEqualTo(30);
                assertThat(sink.writtenRows()).isEqualTo(30);
            }
        } finally {
            sink.tearDown();
        }
    }
}
