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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import dev.inlet.kafka.connect.internal.RecentDeliveries;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
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
    private static Path secrets;

    @BeforeAll
    static void startCluster() throws IOException {
        // The endpoints' secrets come through Connect's file config provider, as in production.
        secrets = Files.createTempFile("inlet-webhook-secrets", ".properties");
        Files.writeString(secrets, "github=" + InletWebhookSourceTaskTest.SECRET + "\nshop="
                + WebhookEndpointsTest.SHOPIFY_SECRET + "\n");
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("offset.flush.interval.ms", "500");
        workerProps.put("plugin.discovery", "service_load");
        workerProps.put("config.providers", "file");
        workerProps.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        connect = new EmbeddedConnectCluster.Builder().name("inlet-webhooks").numWorkers(1).numBrokers(1)
                .workerProps(workerProps).build();
        connect.start();
    }

    @AfterEach
    void deleteConnectors() {
        connect.connectors().forEach(connect::deleteConnector);
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (connect != null) {
            connect.stop();
        }
        if (secrets != null) {
            Files.deleteIfExists(secrets);
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

    private static List<String> committedIds(String connector, String path) {
        for (ConnectorOffset offset : connect.connectorOffsets(connector).offsets()) {
            if (path.equals(offset.partition().get("webhook"))) {
                return RecentDeliveries.fromOffset(offset.offset());
            }
        }
        return List.of();
    }

    @Test
    void twoEndpointsWithProviderSecretsAndCommittedIdsThatOutliveARestart() throws Exception {
        int port = freePort();
        Map<String, String> props = connectorConfig("multi", "multi-github", port);
        props.remove("inlet.webhook.path");
        props.remove("inlet.webhook.scheme");
        props.remove("inlet.webhook.secret");
        props.put("inlet.webhook.endpoints", "github,shop");
        props.put("inlet.webhook.endpoint.github.path", "/hooks/github");
        props.put("inlet.webhook.endpoint.github.scheme", "github");
        props.put("inlet.webhook.endpoint.github.secret", "${file:" + secrets + ":github}");
        props.put("inlet.webhook.endpoint.shop.path", "/hooks/shop");
        props.put("inlet.webhook.endpoint.shop.scheme", "shopify");
        props.put("inlet.webhook.endpoint.shop.secret", "${file:" + secrets + ":shop}");
        props.put("inlet.webhook.endpoint.shop.topic", "multi-shop");
        connect.configureConnector("multi", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("multi", 1, "the webhook task runs");
        WebhookSender github = sender(port);
        WebhookSender shop = WebhookSender.builder(SignatureScheme.shopify(),
                URI.create("http://127.0.0.1:" + port + "/hooks/shop")).secret(WebhookEndpointsTest.SHOPIFY_SECRET)
                .retrySchedule(RETRIES).build();

        List<String> sent = List.of("gh-1", "gh-2", "gh-3", "gh-4", "gh-5");
        for (String id : sent) {
            assertThat(github.send(event(id)).delivered()).isTrue();
        }
        assertThat(shop.send(event("shop-1")).delivered()).isTrue();
        assertThat(idsUntil(connect, "multi-shop", false, WAIT, got -> got.size() >= 1)).containsExactly("shop-1");
        ClusterRecords.await("the committed offset holds every id", WAIT,
                () -> committedIds("multi", "/hooks/github").equals(sent),
                () -> connect.connectorOffsets("multi").offsets());

        connect.stopConnector("multi");
        connect.assertions().assertConnectorIsStopped("multi", "the connector stops");
        connect.resumeConnector("multi");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("multi", 1, "the webhook task runs again");

        // The vendor delivers them all again (its answers were lost, say): 200, no second record.
        for (String id : sent) {
            assertThat(github.send(event(id)).delivered()).as("redelivery of %s", id).isTrue();
        }
        assertThat(github.send(event("gh-6")).delivered()).isTrue();
        List<String> ids = idsUntil(connect, "multi-github", false, WAIT, got -> got.contains("gh-6"));
        assertThat(ids).containsExactly("gh-1", "gh-2", "gh-3", "gh-4", "gh-5", "gh-6");
    }
}
