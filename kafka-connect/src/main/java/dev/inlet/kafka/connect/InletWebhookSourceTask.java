package dev.inlet.kafka.connect;

import dev.inlet.kafka.connect.internal.DeliveryAcks;
import dev.inlet.kafka.connect.internal.PendingDelivery;
import dev.inlet.kafka.connect.internal.WebhookConfig;
import dev.inlet.kafka.connect.internal.WebhookHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The task of {@link InletWebhookSourceConnector}: serves its port and turns each verified delivery
 * into one record, answering the sender 2xx only once that record is committed to Kafka.
 *
 * <p>Each delivery's signature is checked with Inlet's {@code WebhookVerifier}; forged, stale or
 * malformed deliveries are refused with the scheme's status and never produced. A record's value is
 * the body as text, its key the vendor's event id, its headers {@code inlet.webhook.id} and
 * {@code inlet.webhook.type}. Committed means acknowledged by the producer ({@link #commitRecord}) on
 * at-least-once workers, in a committed transaction ({@link #commit}) on exactly-once workers. A
 * delivery not committed within {@code inlet.webhook.ack.timeout.ms}, or whose record the worker
 * drops, is answered 503 so that the vendor delivers it again.
 */
public class InletWebhookSourceTask extends SourceTask {

    /** Records one poll returns at most. */
    static final int MAX_BATCH = 500;

    private final Clock clock;
    private WebhookConfig config;
    private DeliveryAcks acks;
    private BlockingQueue<PendingDelivery> queue;
    private WebhookHttp http;
    private Map<String, String> partition;
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
        acks = new DeliveryAcks();
        queue = new ArrayBlockingQueue<>(config.getInt(WebhookConfig.QUEUE_CAPACITY));
        pollWaitMillis = config.getLong(WebhookConfig.POLL_WAIT_MS);
        partition = Map.of("connector", config.connectorName(), "webhook", config.getString(WebhookConfig.PATH));
        http = new WebhookHttp(config, acks, queue, clock);
    }

    /** The port the task listens on (for tests that bind port 0). */
    int port() {
        return http.port();
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
        ConnectHeaders headers = new ConnectHeaders();
        delivery.id().ifPresent(id -> headers.addString("inlet.webhook.id", id));
        delivery.type().ifPresent(type -> headers.addString("inlet.webhook.type", type));
        Map<String, Object> offset = Map.of("received", delivery.receivedAt().toEpochMilli(),
                "delivery", delivery.id().orElse(""));
        return new SourceRecord(partition, offset, config.getString(WebhookConfig.TOPIC), null,
                Schema.OPTIONAL_STRING_SCHEMA, delivery.id().orElse(null), Schema.STRING_SCHEMA,
                new String(delivery.body(), StandardCharsets.UTF_8), delivery.receivedAt().toEpochMilli(), headers);
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

    /** Closes the port; deliveries still waiting get 503 (their records may still be committed: at-least-once). */
    @Override
    public void stop() {
        if (http != null) {
            http.close();
        }
    }
}
