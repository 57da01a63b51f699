package dev.inlet.jdbc;

import dev.inlet.core.Position;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open keyset queries of a streaming {@link SqlSource} between pages: a page read to its full size parks
 * its cursor under the exact {@link Position} of the next page, and the next {@code open} of exactly that
 * position takes it and reads on, instead of re-running (and re-planning, re-sorting) the query. Any other
 * position re-queries from its key, so a position is as exact as without parking.
 *
 * <p>A parked cursor holds a connection (and, on PostgreSQL, a read transaction): it is closed after the idle
 * timeout by one shared daemon thread, when {@link #closeAll()} is called, or when more than
 * {@link #MAX_PARKED} would be parked. Thread-safe: whoever removes a cursor from the map owns it.
 */
final class ParkedCursors {

    /** At most this many cursors are parked per source; a page beyond it closes its cursor. */
    static final int MAX_PARKED = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ParkedCursors.class);

    /** One daemon thread for every source's idle timeouts, started on first use. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "inlet-sql-idle-cursors");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    private record Parked(SqlCursor cursor, ScheduledFuture<?> expiry) {
    }

    private final Map<Position, Parked> parked = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final String description;

    ParkedCursors(Duration idleTimeout, String description) {
        this.idleTimeout = idleTimeout;
        this.description = description;
    }

    /** Keeps the cursor open for the page at {@code next}; closes it instead if too many are parked. */
    void park(Position next, SqlCursor cursor) {
        if (parked.size() >= MAX_PARKED) {
            quietlyClose(cursor);
            return;
        }
        Parked[] holder = new Parked[1];
        ScheduledFuture<?> expiry = Timer.EXECUTOR.schedule(() -> {
            if (holder[0] != null && parked.remove(next, holder[0])) {
                quietlyClose(cursor);
            }
        }, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        holder[0] = new Parked(cursor, expiry);
        Parked previous = parked.put(next, holder[0]);
        if (previous != null) { // two runs at the same position: the older cursor goes
            previous.expiry().cancel(false);
            quietlyClose(previous.cursor());
        }
    }

    /** The cursor parked for exactly this position, now owned by the caller. */
    Optional<SqlCursor> take(Position position) {
        Parked p = parked.remove(position);
        if (p == null) {
            return Optional.empty();
        }
        p.expiry().cancel(false);
        return Optional.of(p.cursor());
    }

    /** Closes every parked cursor. */
    void closeAll() {
        for (Position position : parked.keySet()) {
            take(position).ifPresent(ParkedCursors::quietlyClose);
        }
    }

    /** How many cursors are parked (tests, diagnostics). */
    int size() {
        return parked.size();
    }

    private static void quietlyClose(SqlCursor cursor) {
        try {
            cursor.close();
        } catch (SQLException | RuntimeException e) {
            // nothing was read from it that is not delivered; the connection is gone either way
            LOG.debug("closing an idle SqlSource cursor failed", e);
        }
    }

    @Override
    public String toString() {
        return "ParkedCursors[" + description + ", " + parked.size() + " parked]";
    }
}
