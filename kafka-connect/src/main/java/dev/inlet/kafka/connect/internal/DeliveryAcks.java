package dev.inlet.kafka.connect.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * <b>Internal</b>: which webhook deliveries wait for which records, and the ids already committed.
 *
 * <p>At-least-once workers call {@code commitRecord} per record once the producer has it
 * ({@link #recordCommitted}); exactly-once workers never do, and call {@code commit} after each
 * transaction ({@link #transactionCommitted}), which then covers every record polled before it. The
 * committed ids (the last {@value #REMEMBERED}) let a vendor's redelivery of a delivery that was
 * committed after its sender gave up be answered 2xx without a second record. Thread-safe.
 */
public final class DeliveryAcks {

    static final int REMEMBERED = 100_000;

    private final Map<SourceRecord, PendingDelivery> byRecord = new IdentityHashMap<>();
    private final List<PendingDelivery> polled = new ArrayList<>();
    private final Map<String, Boolean> committedIds = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

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
            if (written) {
                delivery.id().ifPresent(id -> committedIds.put(id, Boolean.TRUE));
            }
        }
        if (written) {
            delivery.committed();
        } else {
            delivery.failed();
        }
    }

    /** The worker committed a transaction: every delivery polled so far is in Kafka. */
    public void transactionCommitted() {
        List<PendingDelivery> done;
        synchronized (this) {
            done = new ArrayList<>(polled);
            polled.clear();
            byRecord.clear();
            done.forEach(d -> d.id().ifPresent(id -> committedIds.put(id, Boolean.TRUE)));
        }
        done.forEach(PendingDelivery::committed);
    }

    /** Whether a delivery with this id was committed (recently). */
    public synchronized boolean isCommitted(String id) {
        return committedIds.containsKey(id);
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
        waiting.forEach(PendingDelivery::failed);
    }
}
