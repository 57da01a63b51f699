package dev.inlet.kafka.connect.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Internal</b>: the last delivery ids of each endpoint, carried in every record's source offset
 * (key {@value #OFFSET_KEY}, one string of ids separated by line feeds, since Connect offsets hold
 * only primitive values; an id containing a line feed is not remembered) so that Connect persists
 * them with the offsets. A restarted task reads
 * the last committed offset of each endpoint and preloads the receiver's deduplication store with
 * its ids: a vendor's redelivery of one of them is answered 200 without a second record. Connect
 * commits a source offset only once every record before it was acknowledged, so the ids in a
 * committed offset are ids of committed records. Called by the polling thread only.
 */
public final class RecentDeliveries {

    /** The source offset key holding the ids. */
    public static final String OFFSET_KEY = "recent";

    private final int remembered;
    private final Map<String, ArrayDeque<String>> byEndpoint = new HashMap<>();

    /** Remembers up to {@code remembered} ids per endpoint (0: none). */
    public RecentDeliveries(int remembered) {
        this.remembered = remembered;
    }

    /** The ids in a committed source offset (none when absent or not a list of strings). */
    public static List<String> fromOffset(Map<String, ?> offset) {
        List<String> ids = new ArrayList<>();
        if (offset != null && offset.get(OFFSET_KEY) instanceof String joined) {
            for (String id : joined.split("\n")) {
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Starts an endpoint's window from the ids recovered from its committed offset, oldest first. */
    public void restore(String endpoint, List<String> ids) {
        ArrayDeque<String> window = window(endpoint);
        window.clear();
        ids.forEach(id -> add(window, id));
    }

    /**
     * Adds a polled delivery's id (if it has one).
     *
     * @return the endpoint's window after it, oldest first, joined for the record's source offset
     */
    public String add(String endpoint, String id) {
        ArrayDeque<String> window = window(endpoint);
        if (id != null) {
            add(window, id);
        }
        return String.join("\n", window);
    }

    private void add(ArrayDeque<String> window, String id) {
        if (remembered == 0 || id.isEmpty() || id.indexOf('\n') >= 0) {
            return;
        }
        window.addLast(id);
        while (window.size() > remembered) {
            window.removeFirst();
        }
    }

    private ArrayDeque<String> window(String endpoint) {
        return byEndpoint.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    }
}
