package dev.inlet.bench.connect;

import dev.inlet.bench.harness.Machine;
import dev.inlet.bench.harness.Options;
import dev.inlet.bench.harness.Quiet;
import dev.inlet.bench.harness.Stats;
import dev.inlet.bench.paging.Tally;
import dev.inlet.bench.server.LoopbackServer;
import dev.inlet.bench.server.RecordPages;
import dev.inlet.kafka.connect.InletSourceConnector;
import dev.inlet.kafka.connect.InletSourceTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import tools.jackson.databind.JsonNode;

/**
 * The connect benchmark: records/s of one stream (the loopback {@code /records} endpoint, {@code pages}
 * pages of {@code perPage} records) read (a) by the connector in-process ({@code Connector.records()}),
 * (b) by {@link InletSourceTask} in-process (its polls, records converted to {@code SourceRecord}s,
 * no Kafka) and (c) through Kafka Connect: {@link InletSourceConnector} on an embedded cluster (one
 * worker, one broker, at-least-once, in this JVM), timed from creating the connector until a consumer
 * has read every record from the topic ((d): from the first record read to the last, without the
 * connector's start). Each row is the median of {@code passes} passes, after
 * {@code warmups} unmeasured ones; ratios are to (a) of the same run.
 */
public final class ConnectThroughput {

    private ConnectThroughput() {
    }

    /** Runs it and prints the table. */
    public static void run(Options options) throws Exception {
        int pages = options.integer("pages", 200);
        int perPage = options.integer("perPage", 1000);
        int passes = options.integer("passes", 3);
        int warmups = options.integer("warmups", 1);
        RecordPages api = new RecordPages(pages, perPage);
        System.out.println("## Kafka Connect throughput: " + pages + " pages x " + perPage + " records");
        System.out.println(Machine.describe());
        try (LoopbackServer server = LoopbackServer.start(api)) {
            Quiet.await(60);
            double connector = median("connector in-process", api.expectedCount(), warmups + 1, passes,
                    () -> readConnector(server.baseUrl(), perPage, api));
            double task = median("task in-process", api.expectedCount(), warmups, passes, () -> pollTask(server.baseUrl(), perPage, api));
            EmbeddedConnectCluster connect = startCluster();
            try {
                int[] runs = {0};
                double throughConnect = median("through Connect", api.expectedCount(), warmups, passes,
                        () -> throughConnect(connect, "bench-" + runs[0]++, server.baseUrl(), perPage, api));
                System.out.println();
                System.out.println("| path | records/s, median | ratio to (a) |");
                System.out.println("|---|---|---|");
                row("(a) connector in-process", connector, connector);
                row("(b) InletSourceTask in-process (no Kafka)", task, connector);
                row("(c) through Kafka Connect (1 worker, 1 broker)", throughConnect, connector);
                List<Double> steady = new ArrayList<>(STEADY.subList(STEADY.size() - passes, STEADY.size()));
                steady.sort(Double::compare);
                row("(d) through Kafka Connect, first record to last", Stats.of(steady).median(), connector);
            } finally {
                connect.stop();
            }
        }
    }

    /** One pass over the whole stream. */
    private interface Pass {
        /** Its nanoseconds. */
        long nanos() throws Exception;
    }

    /** Median records/s of the measured passes. */
    private static double median(String name, long records, int warmups, int passes, Pass pass) throws Exception {
        for (int i = 0; i < warmups; i++) {
            pass.nanos();
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            rates.add(records * 1e9 / pass.nanos());
            System.out.printf(Locale.ROOT, "%-22s pass %d: %,12.0f records/s%n", name, i + 1, rates.get(i));
        }
        return Stats.of(rates).median();
    }

    private static void row(String path, double rate, double baseline) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", path, rate, rate / baseline);
    }

    private static long readConnector(String baseUrl, int perPage, RecordPages api) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        try (Stream<JsonNode> records = BenchFactory.connector(baseUrl, perPage).records()) {
            records.forEach(tally::add);
        }
        long nanos = System.nanoTime() - start;
        check(tally.count(), api);
        return nanos;
    }

    private static Map<String, String> config(String name, String baseUrl, int perPage) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", InletSourceConnector.class.getName());
        props.put("tasks.max", "1");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", StringConverter.class.getName());
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "1");
        props.put("inlet.factory.class", BenchFactory.class.getName());
        props.put("inlet.topic", name);
        props.put("inlet.poll.wait.ms", "50");
        props.put("inlet.tenants", "a");
        props.put("inlet.tenant.a.input.url", baseUrl);
        props.put("inlet.tenant.a.input.perPage", Integer.toString(perPage));
        return props;
    }

    private static long pollTask(String baseUrl, int perPage, RecordPages api) throws InterruptedException {
        InletSourceConnector connector = new InletSourceConnector();
        Map<String, String> props = config("bench-task", baseUrl, perPage);
        // The last poll waits this long before it says the stream is done: keep it out of the timing.
        props.put("inlet.poll.wait.ms", "1");
        connector.start(props);
        InletSourceTask task = new InletSourceTask();
        long start = System.nanoTime();
        task.start(connector.taskConfigs(1).get(0));
        long count = 0;
        try {
            for (List<SourceRecord> page; (page = task.poll()) != null; ) {
                for (SourceRecord record : page) {
                    count += record.value() == null ? 0 : 1;
                }
            }
        } finally {
            task.stop();
        }
        long nanos = System.nanoTime() - start;
        check(count, api);
        return nanos;
    }

    private static EmbeddedConnectCluster startCluster() {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("offset.flush.interval.ms", "1000");
        workerProps.put("plugin.discovery", "service_load");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("inlet-bench").numWorkers(1)
                .numBrokers(1).workerProps(workerProps).build();
        try {
            connect.start();
        } catch (RuntimeException | Error e) {
            // The broker's threads would keep the JVM alive.
            connect.stop();
            throw e;
        }
        return connect;
    }

    /** Records/s of each Connect pass from its first consumed batch to its last (connector start-up excluded). */
    private static final List<Double> STEADY = new ArrayList<>();

    private static long throughConnect(EmbeddedConnectCluster connect, String name, String baseUrl, int perPage,
            RecordPages api) {
        Map<String, Object> consumerProps = Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, name + "-reader", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long start = System.nanoTime();
        connect.configureConnector(name, config(name, baseUrl, perPage));
        long count = 0;
        long firstAt = 0;
        long firstBatch = 0;
        long deadline = start + Duration.ofMinutes(5).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(consumerProps,
                name)) {
            while (count < api.expectedCount()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("through Connect: " + count + " of " + api.expectedCount()
                            + " records within 5 minutes; " + connect.connectorStatus(name));
                }
                int got = consumer.poll(Duration.ofMillis(100)).count();
                if (count == 0 && got > 0) {
                    firstAt = System.nanoTime();
                    firstBatch = got;
                }
                count += got;
            }
        }
        long end = System.nanoTime();
        STEADY.add((count - firstBatch) * 1e9 / Math.max(1, end - firstAt));
        connect.deleteConnector(name);
        check(count, api);
        return end - start;
    }

    private static void check(long count, RecordPages api) {
        if (count != api.expectedCount()) {
            throw new IllegalStateException("read " + count + " records, expected " + api.expectedCount());
        }
    }
}
