package dev.inlet.core.http.internal.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idle connections by origin, most recently used first (a warm connection is likeliest still open).
 * At most {@code maxIdlePerOrigin} are kept per origin; a connection idle longer than the idle timeout
 * is closed when next looked at instead of reused. No thread of its own.
 */
final class ConnectionPool {

    private final int maxIdlePerOrigin;
    private final long idleTimeoutNanos;
    private final Map<Origin, ArrayDeque<WireConnection>> idle = new HashMap<>();

    ConnectionPool(int maxIdlePerOrigin, long idleTimeoutNanos) {
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** An idle connection to the origin, or null. */
    WireConnection take(Origin origin) {
        List<WireConnection> expired = null;
        WireConnection found = null;
        long now = System.nanoTime();
        synchronized (this) {
            ArrayDeque<WireConnection> connections = idle.get(origin);
            while (connections != null && !connections.isEmpty()) {
                WireConnection candidate = connections.pollFirst();
                if (now - candidate.idleSince > idleTimeoutNanos || candidate.isClosed()) {
                    if (expired == null) {
                        expired = new ArrayList<>();
                    }
                    expired.add(candidate);
                } else {
                    found = candidate;
                    break;
                }
            }
        }
        if (expired != null) {
            expired.forEach(WireConnection::close);
        }
        return found;
    }

    /** Keeps the connection for another request, or closes it if the origin has enough idle ones. */
    void put(WireConnection connection) {
        connection.idleSince = System.nanoTime();
        connection.reused = true;
        connection.releaseBuffer();
        WireConnection surplus = null;
        synchronized (this) {
            ArrayDeque<WireConnection> connections = idle.computeIfAbsent(connection.origin, o -> new ArrayDeque<>());
            connections.addFirst(connection);
            if (connections.size() > maxIdlePerOrigin) {
                surplus = connections.pollLast();
            }
        }
        if (surplus != null) {
            surplus.close();
        }
    }

    /** Closes every idle connection. */
    void closeAll() {
        List<WireConnection> all = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(WireConnection::close);
    }

    /** How many idle connections there are (tests). */
    synchronized int idleCount() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
