package dev.inlet.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.testkit.Delivery;
import dev.inlet.testkit.SendResult;
import dev.inlet.testkit.WebhookSender;
import dev.inlet.webhooks.verify.SignatureScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook task on loopback: answers only after a commit, refuses forgeries, 503 when not committed. */
@Timeout(60)
class InletWebhookSourceTaskTest {

    static final String SECRET = "gh-signing-s3cr3t";
    private static final RecordMetadata WRITTEN = new RecordMetadata(new TopicPartition("hooks", 0), 0, 0, 0, 0, 0);

    private final InletWebhookSourceTask task = new InletWebhookSourceTask();
    private final FakeTaskContext context = new FakeTaskContext(false);

    @AfterEach
    void stop() {
        task.stop();
    }

    static Map<String, String> config(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "hooks");
        props.put("inlet.topic", "github-events");
        props.put("inlet.webhook.host", "127.0.0.1");
        props.put("inlet.webhook.port", "0");
        props.put("inlet.webhook.path", "/hooks/github");
        props.put("inlet.webhook.scheme", "github");
        props.put("inlet.webhook.secret", SECRET);
        props.put("inlet.poll.wait.ms", "100");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private WebhookSender start(Map<String, String> props) {
        task.initialize(context);
        task.start(props);
        return WebhookSender.builder(SignatureScheme.github(),
                URI.create("http://127.0.0.1:" + task.port() + "/hooks/github")).secret(SECRET).noRetries().build();
    }

    private static Delivery push(String id) {
        return Delivery.json("{\"ref\":\"refs/heads/main\",\"n\":\"" + id + "\"}").withId(id).withType("push");
    }

    /** Polls until {@code count} records came, within a bound. */
    private List<SourceRecord> pollFor(int count) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 100 && records.size() < count; i++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        assertThat(records).as("records polled").hasSize(count);
        return records;
    }

    @Test
    void aVerifiedDeliveryIsAnsweredOnlyAfterItsRecordIsCommitted() throws Exception {
        WebhookSender sender = start(config());

        CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> sender.send(push("d-1")));
        SourceRecord record = pollFor(1).get(0);

        assertThat(sent).as("no answer before the commit").isNotDone();
        assertThat(record.topic()).isEqualTo("github-events");
        assertThat(record.key()).isEqualTo("d-1");
        assertThat((String) record.value()).isEqualTo("{\"ref\":\"refs/heads/main\",\"n\":\"d-1\"}");
        assertThat(record.headers().lastWithName("inlet.webhook.type").value()).isEqualTo("push");
        assertThat(record.sourcePartition()).isEqualTo(Map.of("connector", "hooks", "webhook", "/hooks/github"));

        task.commitRecord(record, WRITTEN);

        assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
    }

    @Test
    void aRecordTheWorkerDropsIsAnswered503() throws Exception {
        WebhookSender sender = start(config());
        CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> sender.send(push("d-2")));

        task.commitRecord(pollFor(1).get(0), null);

        assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(503);
    }

    @Test
    void aDeliveryNotCommittedInTimeIsAnswered503AndItsRedeliveryAfterALateCommitIsNotProducedTwice()
            throws Exception {
        WebhookSender sender = start(config("inlet.webhook.ack.timeout.ms", "200"));
        CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> sender.send(push("d-3")));
        SourceRecord record = pollFor(1).get(0);

        assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(503);

        task.commitRecord(record, WRITTEN);
        assertThat(sender.send(push("d-3")).statuses()).as("the vendor's redelivery").containsExactly(200);
        assertThat(task.poll()).as("no second record").isNull();
    }

    @Test
    void forgedDeliveriesAndOtherPathsAreRefusedAndNeverProduced() throws Exception {
        WebhookSender sender = start(config());
        WebhookSender wrongKey = WebhookSender.builder(SignatureScheme.github(),
                URI.create("http://127.0.0.1:" + task.port() + "/hooks/github")).secret("not-the-secret")
                .noRetries().build();
        WebhookSender wrongPath = WebhookSender.builder(SignatureScheme.github(),
                URI.create("http://127.0.0.1:" + task.port() + "/hooks/other")).secret(SECRET).noRetries().build();

        assertThat(sender.sendTampered(push("f-1")).statuses()).containsExactly(401);
        assertThat(wrongKey.send(push("f-2")).statuses()).containsExactly(401);
        assertThat(wrongPath.send(push("f-3")).statuses()).containsExactly(404);

        assertThat(task.poll()).isNull();
    }

    @Test
    void onExactlyOnceWorkersTheAnswerWaitsForTheTransaction() throws Exception {
        WebhookSender sender = start(config("exactly.once.support", "required"));
        CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> sender.send(push("d-4")));
        SourceRecord record = pollFor(1).get(0);

        // Exactly-once workers do not call commitRecord; if one did, it would not answer yet.
        task.commitRecord(record, WRITTEN);
        assertThatThrownBy(() -> sent.get(300, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);

        task.commit();

        assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
    }

    @Test
    void stoppingAnswersWaitingDeliveries503() throws Exception {
        WebhookSender sender = start(config());
        CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> sender.send(push("d-5")));
        pollFor(1);

        task.stop();

        assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(503);
    }

    @Test
    void aSecretThatDoesNotFitTheSchemeIsRefusedWithoutShowingIt() {
        InletWebhookSourceConnector connector = new InletWebhookSourceConnector();
        Map<String, String> props = config("inlet.webhook.scheme", "standard_webhooks",
                "inlet.webhook.secret", "whsec_not base64!!");
        assertThatThrownBy(() -> connector.start(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("inlet.webhook.secret").hasMessageNotContaining("not base64");
        assertThat(connector.config().configKeys().get("inlet.webhook.secret").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }
}
