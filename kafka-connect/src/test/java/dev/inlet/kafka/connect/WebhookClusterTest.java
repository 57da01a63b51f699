package dev.inlet.kafka.connect;

import static dev.inlet.kafka.connect.ClusterRecords.idsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Delivery;
import dev.inlet.testkit.SendResult;
import dev.inlet.testkit.WebhookSender;
import dev.inlet.webhooks.verify.SignatureScheme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook source connector on Kafka's embedded Connect cluster: one worker, loopback ports. */
@Timeout(180)
class WebhookClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(1000), Duration.ofMillis(2000));
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("offset.flush.interval.ms", "500");
        workerProps.put("plugin.discovery", "service_load");
        connect = new EmbeddedConnectCluster.Builder().name("inlet-webhooks").numWorkers(1).numBrokers(1)
                .workerProps(workerProps).build();
        connect.start();
    }

    @AfterEach
    void deleteConnectors() {
        connect.connectors().forEach(connect::deleteConnector);
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> connectorConfig(String name, String topic, int port) {
        Map<String, String> props = InletWebhookSourceTaskTest.config();
        props.put("name", name);
        props.put("connector.class", InletWebhookSourceConnector.class.getName());
        props.put("tasks.max", "1");
        props.put("key.converter", StringConverter.class.getName());
        props.put("value.converter", StringConverter.class.getName());
        props.put("topic.creation.default.replication.factor", "1");
        props.put("topic.creation.default.partitions", "1");
        props.put("inlet.topic", topic);
        props.put("inlet.webhook.port", Integer.toString(port));
        props.put("inlet.webhook.ack.timeout.ms", "3000");
        return props;
    }

    private static WebhookSender sender(int port) {
        return WebhookSender.builder(SignatureScheme.github(),
                URI.create("http://127.0.0.1:" + port + "/hooks/github")).secret(InletWebhookSourceTaskTest.SECRET)
                .retrySchedule(RETRIES).build();
    }

    private static Delivery event(String id) {
        return Delivery.json("{\"id\":\"" + id + "\",\"action\":\"opened\"}").withId(id).withType("issues");
    }

    @Test
    void everyDeliveryIsAnswered2xxAfterItIsInTheTopicAndIsThereOnce() throws Exception {
        int port = freePort();
        connect.configureConnector("hooks", connectorConfig("hooks", "hook-events", port));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("hooks", 1, "the webhook task runs");
        WebhookSender sender = sender(port);

        List<String> sentIds = new ArrayList<>();
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sentIds.add("evt-" + i);
            results.add(sender.send(event("evt-" + i)));
        }
        SendResult forged = sender.sendTampered(event("evt-forged"));

        assertThat(results).allSatisfy(r -> assertThat(r.delivered()).as("answered 2xx: %s", r.statuses()).isTrue());
        assertThat(forged.statuses()).containsExactly(401);
        List<String> ids = idsUntil(connect, "hook-events", false, WAIT, got -> got.size() >= 30);
        assertThat(ids).containsExactlyElementsOf(sentIds);
        assertThat(new HashSet<>(ids)).doesNotContain("evt-forged");
    }

    @Test
    void deliveriesWhoseRecordsTheWorkerDropsAreAnswered503() throws Exception {
        int port = freePort();
        Map<String, String> props = connectorConfig("dropped", "dropped-events", port);
        // A transformation that drops every record: Connect acknowledges it without writing it.
        props.put("transforms", "drop");
        props.put("transforms.drop.type", "org.apache.kafka.connect.transforms.Filter");
        connect.configureConnector("dropped", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("dropped", 1, "the webhook task runs");

        SendResult result = sender(port).send(event("evt-dropped"));

        assertThat(result.statuses()).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo(503));
    }
}
