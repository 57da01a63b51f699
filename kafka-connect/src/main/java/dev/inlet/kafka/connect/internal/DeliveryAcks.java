package dev.inlet.kafka.connect.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * <b>Internal</b>: which webhook deliveries wait for which records.
 *
 * <p>At-least-once workers call {@code commitRecord} per record once the producer has it
 * ({@link #recordCommitted}); exactly-once workers never do, and call {@code commit} after each
 * transaction ({@link #transactionCommitted}), which then covers every record polled before it.
 * Settling a delivery answers its sender (through the receiver) and, when committed, makes its id a
 * duplicate in the receiver's deduplication store. Thread-safe.
 */
public final class DeliveryAcks {

    private final Map<SourceRecord, PendingDelivery> byRecord = new IdentityHashMap<>();
    private final List<PendingDelivery> polled = new ArrayList<>();

    /** A record of this delivery was returned by {@code poll}. */
    public synchronized void polled(SourceRecord record, PendingDelivery delivery) {
        byRecord.put(record, delivery);
        polled.add(delivery);
    }

    /**
     * The producer acknowledged the record ({@code written}), or dropped it (a filter or tolerated
     * error: the sender gets 503 so that nothing is lost silently).
     *
     * @param acknowledge whether this settles the delivery's answer (at-least-once), or only a failure does
     */
    public void recordCommitted(SourceRecord record, boolean written, boolean acknowledge) {
        PendingDelivery delivery;
        synchronized (this) {
            delivery = byRecord.get(record);
            if (delivery == null || (written && !acknowledge)) {
                return;
            }
            byRecord.remove(record);
            polled.remove(delivery);
        }
        if (written) {
            delivery.committed();
        } else {
            delivery.failed("the worker dropped its record (a transformation or a tolerated error)");
        }
    }

    /** The worker committed a transaction: every delivery polled so far is in Kafka. */
    public void transactionCommitted() {
        List<PendingDelivery> done;
        synchronized (this) {
            done = new ArrayList<>(polled);
            polled.clear();
            byRecord.clear();
        }
        done.forEach(PendingDelivery::committed);
    }

    /** Deliveries polled and not yet committed. */
    public synchronized int waiting() {
        return polled.size();
    }

    /** The task stops: every waiting sender gets 503. */
    public void failAll() {
        List<PendingDelivery> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(polled);
            polled.clear();
            byRecord.clear();
        }
        waiting.forEach(d -> d.failed("the task stops"));
    }
}
