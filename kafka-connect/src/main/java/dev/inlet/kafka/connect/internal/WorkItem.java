package dev.inlet.kafka.connect.internal;

import java.util.Objects;

/**
 * <b>Internal</b>: one stream of one tenant, with the rate-limit key it spends: the unit a
 * connector's work is packed into tasks by.
 *
 * @param tenant the tenant's id
 * @param stream the stream's name
 * @param key the rate-limit key; items with the same key always share a task
 */
public record WorkItem(String tenant, String stream, String key) implements Comparable<WorkItem> {

    /** Checks that nothing is null. */
    public WorkItem {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public int compareTo(WorkItem o) {
        int byTenant = tenant.compareTo(o.tenant);
        return byTenant != 0 ? byTenant : stream.compareTo(o.stream);
    }
}
