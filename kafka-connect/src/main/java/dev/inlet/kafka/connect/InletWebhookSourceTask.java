package dev.inlet.kafka.connect;

import dev.inlet.kafka.connect.internal.DeliveryAcks;
import dev.inlet.kafka.connect.internal.EndpointSpec;
import dev.inlet.kafka.connect.internal.PendingDelivery;
import dev.inlet.kafka.connect.internal.RecentDeliveries;
import dev.inlet.kafka.connect.internal.WebhookConfig;
import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.receiver.Acknowledgement;
import dev.inlet.webhooks.receiver.DeduplicationStore;
import dev.inlet.webhooks.receiver.InMemoryDeduplicationStore;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task of {@link InletWebhookSourceConnector}: serves its port with Inlet's {@code WebhookServer}
 * in {@link Acknowledgement#AFTER_HANDLER} mode and turns each verified delivery into one record,
 * answering the sender 2xx only once that record is committed to Kafka.
 *
 * <p>Forged, stale or malformed deliveries are refused with the scheme's status and never produced.
 * A record's value is the body as text, its key the vendor's event id, its headers
 * {@code inlet.webhook.id} and {@code inlet.webhook.type}. Committed means acknowledged by the
 * producer ({@link #commitRecord}) on at-least-once workers, in a committed transaction
 * ({@link #commit}) on exactly-once workers. A delivery not committed within
 * {@code inlet.webhook.ack.timeout.ms}, or whose record the worker drops, is answered 503 so that the
 * vendor delivers it again; a redelivery of a committed id is answered 200 without a second record,
 * also after a restart for the last {@code inlet.webhook.dedupe.remembered} ids of each endpoint
 * (kept in the source offset, see {@link RecentDeliveries}).
 */
public class InletWebhookSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(InletWebhookSourceTask.class);

    /** Records one poll returns at most. */
    static final int MAX_BATCH = 500;

    private final Clock clock;
    private WebhookConfig config;
    private DeliveryAcks acks;
    private BlockingQueue<PendingDelivery> queue;
    private RecentDeliveries recent;
    private WebhookServer server;
    private long pollWaitMillis;

    /** A task on the system clock (Connect's constructor). */
    public InletWebhookSourceTask() {
        this(Clock.systemUTC());
    }

    /** A task on this clock (for tests). */
    InletWebhookSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return InletSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new WebhookConfig(props);
        List<EndpointSpec> endpoints = config.endpoints();
        acks = new DeliveryAcks();
        int capacity = config.getInt(WebhookConfig.QUEUE_CAPACITY);
        queue = new ArrayBlockingQueue<>(capacity);
        pollWaitMillis = config.getLong(WebhookConfig.POLL_WAIT_MS);
        recent = new RecentDeliveries(config.getInt(WebhookConfig.DEDUPE_REMEMBERED));
        Duration ttl = Duration.ofMillis(config.getLong(WebhookConfig.DEDUPE_TTL_MS));
        InMemoryDeduplicationStore store = new InMemoryDeduplicationStore();
        recover(endpoints, store, clock.instant().plus(ttl));
        WebhookReceiver.Builder receiver = WebhookReceiver.builder()
                .acknowledge(Acknowledgement.AFTER_HANDLER).handlerTimeout(config.ackTimeout())
                .workers(2).queueCapacity(capacity)
                .retryAfter(Duration.ofSeconds(config.getInt(WebhookConfig.RETRY_AFTER_S)))
                .deduplication(store).deduplicationTtl(ttl).clock(clock);
        for (EndpointSpec endpoint : endpoints) {
            WebhookEndpoint.Builder builder = WebhookEndpoint.builder(endpoint.path(), endpoint.verifier())
                    .asyncHandler(event -> enqueue(endpoint, event));
            endpoint.publicUrl().ifPresent(url -> builder.publicUrl(URI.create(url)));
            receiver.endpoint(builder.build());
        }
        server = WebhookServer.builder(receiver.build()).host(config.getString(WebhookConfig.HOST))
                .port(config.getInt(WebhookConfig.PORT)).ioThreads(config.getInt(WebhookConfig.HTTP_THREADS))
                .stopGrace(Duration.ofMillis(500)).build();
        try {
            server.start();
        } catch (WebhookConfigException e) {
            throw new ConnectException("The webhook task of '" + config.connectorName() + "' cannot listen: "
                    + e.getMessage() + "; free the port or set " + WebhookConfig.PORT + " to another", e);
        }
        LOG.info("Webhook source task of '{}' listens on {} at {}", config.connectorName(), server.port(),
                endpoints.stream().map(EndpointSpec::path).toList());
    }

    /** Preloads the ids of each endpoint's last committed offset as duplicates. */
    private void recover(List<EndpointSpec> endpoints, DeduplicationStore store, Instant expiresAt) {
        if (context == null) {
            return;
        }
        List<Map<String, String>> partitions = endpoints.stream()
                .map(e -> e.partition(config.connectorName())).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        for (EndpointSpec endpoint : endpoints) {
            List<String> ids = RecentDeliveries.fromOffset(offsets.get(endpoint.partition(config.connectorName())));
            recent.restore(endpoint.path(), ids);
            ids.forEach(id -> store.confirm(DeduplicationStore.key(endpoint.path(), id), expiresAt));
            if (!ids.isEmpty()) {
                LOG.info("Webhook endpoint {} remembers {} committed delivery id(s) from its offset", endpoint.path(),
                        ids.size());
            }
        }
    }

    /** The handler: the delivery waits in the queue for a poll; its answer waits for its commit. */
    private CompletionStage<Void> enqueue(EndpointSpec endpoint, WebhookEvent event) {
        PendingDelivery delivery = new PendingDelivery(endpoint, event);
        if (!queue.offer(delivery)) {
            delivery.failed("too many deliveries wait for a poll");
        }
        return delivery.answer();
    }

    /** The port the task listens on (for tests that bind port 0). */
    int port() {
        return server.port();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        PendingDelivery first = queue.poll(pollWaitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<PendingDelivery> deliveries = new ArrayList<>();
        deliveries.add(first);
        queue.drainTo(deliveries, MAX_BATCH - 1);
        List<SourceRecord> records = new ArrayList<>(deliveries.size());
        for (PendingDelivery delivery : deliveries) {
            SourceRecord record = record(delivery);
            acks.polled(record, delivery);
            records.add(record);
        }
        return records;
    }

    private SourceRecord record(PendingDelivery delivery) {
        WebhookEvent event = delivery.event();
        EndpointSpec endpoint = delivery.endpoint();
        ConnectHeaders headers = new ConnectHeaders();
        event.id().ifPresent(id -> headers.addString("inlet.webhook.id", id));
        event.type().ifPresent(type -> headers.addString("inlet.webhook.type", type));
        long received = event.receivedAt().toEpochMilli();
        Map<String, Object> offset = Map.of("received", received, "delivery", event.id().orElse(""),
                RecentDeliveries.OFFSET_KEY, recent.add(endpoint.path(), event.id().orElse(null)));
        return new SourceRecord(endpoint.partition(config.connectorName()), offset, endpoint.topic(), null,
                Schema.OPTIONAL_STRING_SCHEMA, event.id().orElse(null), Schema.STRING_SCHEMA,
                new String(event.body(), StandardCharsets.UTF_8), received, headers);
    }

    /**
     * The producer acknowledged the record (metadata present): on at-least-once workers its sender
     * gets 2xx. Without metadata the worker dropped it (a filtering transformation, or a tolerated
     * error): its sender gets 503, so that nothing is dropped silently.
     */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        acks.recordCommitted(record, metadata != null, config.ack() == WebhookConfig.Ack.RECORD);
    }

    /** On exactly-once workers, called after each committed transaction: every polled delivery gets 2xx. */
    @Override
    public void commit() {
        if (config != null && config.ack() == WebhookConfig.Ack.TRANSACTION) {
            acks.transactionCommitted();
        }
    }

    /**
     * Closes the port: deliveries still waiting get 503 (their records may still be committed:
     * at-least-once, and the vendor's redelivery makes a second record unless its id was committed
     * into an offset the next task reads).
     */
    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (acks != null) {
            for (PendingDelivery waiting; (waiting = queue.poll()) != null; ) {
                waiting.failed("the task stops");
            }
            acks.failAll();
        }
    }
}
