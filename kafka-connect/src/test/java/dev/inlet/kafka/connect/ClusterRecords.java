package dev.inlet.kafka.connect;

import dev.inlet.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;

/** Reading a topic of an embedded cluster until a condition holds, with a deadline. */
final class ClusterRecords {

    private ClusterRecords() {
    }

    /** The ids of the topic's records (values are JSON text), once {@code done} holds for them. */
    static List<String> idsUntil(EmbeddedConnectCluster connect, String topic, boolean readCommitted,
            Duration timeout, Predicate<List<String>> done) {
        Map<String, Object> props = Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, topic)) {
            while (!done.test(ids)) {
                if (System.nanoTime() > deadline) {
                    StringBuilder status = new StringBuilder();
                    for (String connector : connect.connectors()) {
                        status.append('\n').append(connect.connectorStatus(connector));
                    }
                    throw new AssertionError("topic " + topic + " did not reach the expected records within " + timeout
                            + "; read " + ids.size() + status);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(Json.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8))
                            .path("id").asString());
                }
            }
        }
        return ids;
    }

    /** Waits until the condition holds, polling every 100 ms, or fails after the timeout. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition,
            java.util.function.Supplier<Object> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; state: " + state.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The worker that runs the connector's task 0. */
    static WorkerHandle workerOfTask(EmbeddedConnectCluster connect, String connector) {
        String workerId = connect.connectorStatus(connector).tasks().get(0).workerId();
        return connect.workers().stream()
                .filter(w -> workerId.equals(w.url().getHost() + ":" + w.url().getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker " + workerId + " among " + connect.workers()));
    }
}
