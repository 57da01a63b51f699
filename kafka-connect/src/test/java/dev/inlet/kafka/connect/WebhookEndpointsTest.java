package dev.inlet.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.kafka.connect.internal.RecentDeliveries;
import dev.inlet.kafka.connect.internal.WebhookConfig;
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
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several endpoints per connector, and committed delivery ids that outlive the task through its offsets. */
@Timeout(60)
class WebhookEndpointsTest {

    static final String GITHUB_SECRET = "gh-signing-s3cr3t";
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";
    private static final RecordMetadata WRITTEN = new RecordMetadata(new TopicPartition("t", 0), 0, 0, 0, 0, 0);

    private final FakeTaskContext context = new FakeTaskContext(false);
    private final List<InletWebhookSourceTask> tasks = new ArrayList<>();

    @AfterEach
    void stop() {
        tasks.forEach(InletWebhookSourceTask::stop);
    }

    private static Map<String, String> twoEndpoints(String... extra) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "hooks");
        props.put("inlet.topic", "default-events");
        props.put("inlet.webhook.host", "127.0.0.1");
        props.put("inlet.webhook.port", "0");
        props.put("inlet.poll.wait.ms", "100");
        props.put("inlet.webhook.endpoints", "github, shop");
        props.put("inlet.webhook.endpoint.github.path", "/hooks/github");
        props.put("inlet.webhook.endpoint.github.scheme", "github");
        props.put("inlet.webhook.endpoint.github.secret", GITHUB_SECRET);
        props.put("inlet.webhook.endpoint.shop.scheme", "shopify");
        props.put("inlet.webhook.endpoint.shop.secret", SHOPIFY_SECRET);
        props.put("inlet.webhook.endpoint.shop.topic", "shop-events");
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return props;
    }

    private InletWebhookSourceTask started(Map<String, String> props) {
        InletWebhookSourceTask task = new InletWebhookSourceTask();
        tasks.add(task);
        task.initialize(context);
        task.start(props);
        return task;
    }

    private static WebhookSender sender(InletWebhookSourceTask task, SignatureScheme scheme, String path, String secret) {
        return WebhookSender.builder(scheme, URI.create("http://127.0.0.1:" + task.port() + path)).secret(secret)
                .noRetries().build();
    }

    private static Delivery event(String id) {
        return Delivery.json("{\"id\":\"" + id + "\"}").withId(id).withType("created");
    }

    private static List<SourceRecord> pollFor(InletWebhookSourceTask task, int count) throws InterruptedException {
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

    /** What Connect does once a record is acknowledged: its offset becomes the partition's committed one. */
    private void commit(InletWebhookSourceTask task, SourceRecord record) {
        task.commitRecord(record, WRITTEN);
        context.offsets.put(record.sourcePartition(), new HashMap<>(record.sourceOffset()));
    }

    @Test
    void eachEndpointVerifiesWithItsOwnSchemeAndSecretAndWritesToItsTopic() throws Exception {
        InletWebhookSourceTask task = started(twoEndpoints());
        WebhookSender github = sender(task, SignatureScheme.github(), "/hooks/github", GITHUB_SECRET);
        WebhookSender shop = sender(task, SignatureScheme.shopify(), "/webhooks/shop", SHOPIFY_SECRET);
        WebhookSender crossed = sender(task, SignatureScheme.shopify(), "/webhooks/shop", GITHUB_SECRET);

        CompletableFuture<SendResult> fromGithub = CompletableFuture.supplyAsync(() -> github.send(event("g-1")));
        CompletableFuture<SendResult> fromShop = CompletableFuture.supplyAsync(() -> shop.send(event("s-1")));
        List<SourceRecord> records = pollFor(task, 2);
        Map<String, SourceRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put((String) r.key(), r));
        assertThat(byKey.get("g-1").topic()).isEqualTo("default-events");
        assertThat(byKey.get("g-1").sourcePartition()).isEqualTo(Map.of("connector", "hooks", "webhook", "/hooks/github"));
        assertThat(byKey.get("s-1").topic()).isEqualTo("shop-events");
        assertThat(byKey.get("s-1").sourcePartition()).isEqualTo(Map.of("connector", "hooks", "webhook", "/webhooks/shop"));
        records.forEach(r -> commit(task, r));
        assertThat(fromGithub.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
        assertThat(fromShop.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);

        assertThat(crossed.send(event("x-1")).statuses()).as("the other endpoint's secret").containsExactly(401);
        assertThat(task.poll()).isNull();
    }

    @Test
    void aRestartedTaskAnswersRedeliveriesOfCommittedIds200WithoutASecondRecord() throws Exception {
        Map<String, String> props = twoEndpoints();
        InletWebhookSourceTask first = started(props);
        WebhookSender github = sender(first, SignatureScheme.github(), "/hooks/github", GITHUB_SECRET);
        for (String id : List.of("g-1", "g-2", "g-3")) {
            CompletableFuture<SendResult> sent = CompletableFuture.supplyAsync(() -> github.send(event(id)));
            commit(first, pollFor(first, 1).get(0));
            assertThat(sent.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
        }
        // g-4 is polled but never committed before the crash.
        CompletableFuture<SendResult> lost = CompletableFuture.supplyAsync(() -> github.send(event("g-4")));
        pollFor(first, 1);
        first.stop();
        assertThat(lost.get(10, TimeUnit.SECONDS).statuses()).containsExactly(503);

        InletWebhookSourceTask second = started(props);
        WebhookSender again = sender(second, SignatureScheme.github(), "/hooks/github", GITHUB_SECRET);
        for (String id : List.of("g-1", "g-2", "g-3")) {
            assertThat(again.send(event(id)).statuses()).as("redelivery of %s", id).containsExactly(200);
        }
        assertThat(second.poll()).as("no second record of a committed id").isNull();
        CompletableFuture<SendResult> redelivered = CompletableFuture.supplyAsync(() -> again.send(event("g-4")));
        SourceRecord record = pollFor(second, 1).get(0);
        assertThat(record.key()).isEqualTo("g-4");
        assertThat(RecentDeliveries.fromOffset(record.sourceOffset())).containsExactly("g-1", "g-2", "g-3", "g-4");
        commit(second, record);
        assertThat(redelivered.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
    }

    @Test
    void theOffsetKeepsABoundedWindowOfIds() throws Exception {
        InletWebhookSourceTask task = started(twoEndpoints("inlet.webhook.dedupe.remembered", "2"));
        WebhookSender github = sender(task, SignatureScheme.github(), "/hooks/github", GITHUB_SECRET);
        List<CompletableFuture<SendResult>> sent = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        for (String id : List.of("g-1", "g-2", "g-3")) {
            sent.add(CompletableFuture.supplyAsync(() -> github.send(event(id))));
            records.addAll(pollFor(task, 1));
        }
        assertThat(records).extracting(r -> RecentDeliveries.fromOffset(r.sourceOffset()))
                .containsExactly(List.of("g-1"), List.of("g-1", "g-2"), List.of("g-2", "g-3"));
        records.forEach(r -> commit(task, r));
        for (CompletableFuture<SendResult> s : sent) {
            assertThat(s.get(10, TimeUnit.SECONDS).statuses()).containsExactly(200);
        }
    }

    @Test
    void endpointSecretsArePasswordsAndTheConfigurationIsChecked() {
        WebhookConfig config = new WebhookConfig(twoEndpoints());
        assertThat(config.endpoints()).extracting(e -> e.path()).containsExactly("/hooks/github", "/webhooks/shop");
        assertThat(config.values().get("inlet.webhook.endpoint.shop.secret").toString()).doesNotContain(SHOPIFY_SECRET);

        assertThatThrownBy(() -> new WebhookConfig(twoEndpoints("inlet.webhook.scheme", "github",
                "inlet.webhook.secret", "x")).endpoints()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("inlet.webhook.endpoints").hasMessageNotContaining(GITHUB_SECRET);
        Map<String, String> noSecret = twoEndpoints();
        noSecret.remove("inlet.webhook.endpoint.shop.secret");
        assertThatThrownBy(() -> new WebhookConfig(noSecret)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("inlet.webhook.endpoint.shop.secret");
        assertThatThrownBy(() -> new WebhookConfig(twoEndpoints("inlet.webhook.endpoint.shop.path", "/hooks/github"))
                .endpoints()).isInstanceOf(ConfigException.class).hasMessageContaining("two endpoints at /hooks/github");
        assertThatThrownBy(() -> new WebhookConfig(twoEndpoints("inlet.webhook.endpoint.github.scheme", "nope")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inlet.webhook.endpoint.github.scheme");
        assertThatThrownBy(() -> new WebhookConfig(twoEndpoints("inlet.webhook.endpoint.github.public.url", "hooks"))
                .endpoints()).isInstanceOf(ConfigException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new WebhookConfig(twoEndpoints("inlet.webhook.dedupe.ttl.ms", "1000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inlet.webhook.dedupe.ttl.ms");
        assertThat(WebhookConfig.DEFINITION.configKeys().get("inlet.webhook.secret").type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void aSingleEndpointWithoutSchemeOrSecretIsRefused() {
        Map<String, String> props = InletWebhookSourceTaskTest.config();
        props.remove("inlet.webhook.secret");
        assertThatThrownBy(() -> new InletWebhookSourceConnector().start(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("inlet.webhook.secret");
    }
}
