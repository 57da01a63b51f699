package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import dev.inlet.webhooks.internal.Journal;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opt-in file journal that makes accepted events survive a crash. The receiver appends each
 * accepted event and forces it to disk <em>before</em> answering 2xx, and appends a DONE mark
 * (also forced) once the handler succeeded or the event was dead-lettered. On the next
 * {@link WebhookReceiver#start()} every event without a DONE mark is delivered again; an event is
 * never delivered again after its DONE mark is on disk. Event ids are kept for the deduplication
 * window so redeliveries after a restart are still recognised.
 *
 * <p>The journal is one file, {@code inbox.journal}, in the given directory; it is compacted (only
 * pending events and live ids kept) on open, on close, and whenever it outgrows
 * {@link Builder#compactAtBytes(long)}. One inbox per directory: opening takes an exclusive lock
 * on {@code inbox.lock} (released by {@link #close()} or by the process ending, even by
 * {@code kill -9}), and a second opener, in any process, gets {@link InboxLockedException}.
 *
 * <p>A journal damaged in the middle (not a crash's torn tail) is logged at ERROR, the intact
 * records after the damage are recovered, and a copy of the file as it was is kept; see
 * {@link #damagedRegions()}.
 */
public final class DurableInbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableInbox.class);
    static final String FILE_NAME = "inbox.journal";

    private final Path directory;
    private final Clock clock;
    private final long compactAtBytes;
    private final Journal journal;
    private final InboxLock lock;
    private final AtomicLong nextSequence = new AtomicLong(1);
    /** Events accepted but not done, by sequence, with their encoded record for compaction. */
    private final ConcurrentHashMap<Long, byte[]> pendingRecords = new ConcurrentHashMap<>();
    private final Map<Long, WebhookEvent> recovered = new HashMap<>();
    /** Dedup keys and their expiry, so compaction keeps them. */
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final Object compactLock = new Object();
    /** Grows after a compaction that stays large (many live ids), so compaction cannot run on every append. */
    private volatile long nextCompactAt;

    private DurableInbox(Builder b, InboxLock lock) throws IOException {
        this.directory = b.directory;
        this.clock = b.clock;
        this.compactAtBytes = b.compactAtBytes;
        this.lock = lock;
        this.journal = Journal.open(directory.resolve(FILE_NAME), b.fsync, this::replay);
        reportDamage();
        compact();
        if (!recovered.isEmpty()) {
            LOG.info("Durable inbox {} recovered {} undelivered event(s)", directory, recovered.size());
        }
    }

    private void reportDamage() {
        for (Journal.Damage d : journal.damage()) {
            // Not a crash: appends are sequential, so a bad frame followed by good ones means the file
            // was damaged (disk, a second writer, a copy). The records in the region are lost.
            LOG.error("Durable inbox {}: {} damaged byte(s) at offset {} of {} were skipped; the records after them"
                    + " were recovered. The file as it was is kept in {}. Check the disk and that no other"
                    + " process writes this directory.", directory, d.length(), d.offset(), FILE_NAME,
                    journal.quarantine().map(Path::getFileName).orElse(null));
        }
        if (journal.tornTailBytes() > 0) {
            LOG.warn("Durable inbox {}: dropped an incomplete last record ({} byte(s)) left by a crash; it was"
                    + " never acknowledged", directory, journal.tornTailBytes());
        }
    }

    /**
     * Damaged regions found in the journal when this inbox was opened (empty normally); their
     * records are lost, everything intact after them was recovered, and a copy of the file as it
     * was is kept next to it ({@code inbox.journal.damaged-<millis>}).
     */
    public int damagedRegions() {
        return journal.damage().size();
    }

    /**
     * Opens the inbox in {@code directory} with the defaults, creating it if needed.
     *
     * @throws WebhookConfigException if the journal cannot be opened or read
     */
    public static DurableInbox open(Path directory) {
        return builder(directory).open();
    }

    /** A builder for an inbox in {@code directory}. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    private void replay(byte[] record) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
            switch (in.readByte()) {
                case InboxRecords.ACCEPTED -> {
                    InboxRecords.Accepted a = InboxRecords.readAccepted(in);
                    WebhookEvent e = a.event();
                    recovered.put(e.sequence, e);
                    pendingRecords.put(e.sequence, record);
                    e.id().ifPresent(id -> seen.put(InboxRecords.dedupKey(e.endpoint(), id), a.dedupExpiresAtMillis()));
                    nextSequence.accumulateAndGet(e.sequence + 1, Math::max);
                }
                case InboxRecords.DONE -> {
                    long sequence = in.readLong();
                    recovered.remove(sequence);
                    pendingRecords.remove(sequence);
                }
                case InboxRecords.SEEN -> {
                    long expires = in.readLong();
                    seen.put(InboxRecords.readString(in), expires);
                }
                default -> LOG.warn("Durable inbox {}: skipping a record of unknown type", directory);
            }
        } catch (IOException e) {
            throw new WebhookConfigException("Durable inbox " + directory + " has an unreadable record",
                    "move the journal aside to start empty (its events are then lost)", e);
        }
    }

    /** Appends the event, forced to disk, and returns it with its journal sequence number. */
    WebhookEvent append(WebhookEvent event, Instant dedupExpiresAt) throws IOException {
        WebhookEvent numbered = event.withSequence(nextSequence.getAndIncrement());
        byte[] record = InboxRecords.accepted(numbered, dedupExpiresAt.toEpochMilli());
        long position = journal.append(record, () -> {
            pendingRecords.put(numbered.sequence, record);
            numbered.id().ifPresent(id -> seen.put(InboxRecords.dedupKey(numbered.endpoint(), id),
                    dedupExpiresAt.toEpochMilli()));
        });
        journal.force(position);
        return numbered;
    }

    /** Marks the event processed, forced to disk; it will not be delivered again. */
    void markDone(WebhookEvent event) throws IOException {
        long position = journal.append(InboxRecords.done(event.sequence), () -> pendingRecords.remove(event.sequence));
        journal.force(position);
        if (journal.size() > nextCompactAt) {
            compact();
        }
    }

    /** Drops an appended event that could not be queued (it was never acknowledged). */
    void abandon(WebhookEvent event) throws IOException {
        markDone(event);
    }

    /** Events recovered at open that were not marked done, oldest first; consumed by the receiver. */
    synchronized List<WebhookEvent> takeRecovered() {
        List<WebhookEvent> events = new ArrayList<>(recovered.values());
        events.sort(Comparator.comparingLong(e -> e.sequence));
        recovered.clear();
        return events;
    }

    /** Deduplication keys accepted within their window, to preload the store after a restart. */
    Map<String, Instant> liveKeys() {
        long now = clock.millis();
        Map<String, Instant> keys = new HashMap<>();
        seen.forEach((key, expires) -> {
            if (expires > now) {
                keys.put(key, Instant.ofEpochMilli(expires));
            }
        });
        return keys;
    }

    private void compact() throws IOException {
        synchronized (compactLock) {
            long now = clock.millis();
            seen.values().removeIf(expires -> expires <= now);
            journal.rewrite(() -> {
                List<byte[]> records = new ArrayList<>(pendingRecords.size() + seen.size());
                pendingRecords.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(entry -> records.add(entry.getValue()));
                seen.forEach((key, expires) -> records.add(InboxRecords.seen(key, expires)));
                return records;
            });
            nextCompactAt = Math.max(compactAtBytes, 2 * journal.size());
        }
    }

    /** How many accepted events are not yet marked done. */
    public int pendingCount() {
        return pendingRecords.size();
    }

    /** The directory holding the journal. */
    public Path directory() {
        return directory;
    }

    /**
     * Compacts and closes the journal. Events still pending stay in it and are delivered on the next
     * start.
     *
     * @throws WebhookConfigException if the journal cannot be written
     */
    @Override
    public void close() {
        try {
            compact();
            journal.close();
        } catch (IOException e) {
            try {
                journal.close();
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new WebhookConfigException("Durable inbox " + directory + " could not be closed cleanly",
                    "pending events are still in the journal and are delivered on the next start", e);
        } finally {
            // Only once the journal is closed may another instance open the directory.
            lock.release();
        }
    }

    @Override
    public String toString() {
        return "DurableInbox[" + directory + ", pending=" + pendingRecords.size() + "]";
    }

    /** Builds a {@link DurableInbox}; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private boolean fsync = true;
        private long compactAtBytes = 64L << 20;
        private Clock clock = Clock.systemUTC();

        private Builder(Path directory) {
            if (directory == null) {
                throw new WebhookConfigException("DurableInbox: directory is null", "pass a writable directory");
            }
            this.directory = directory;
        }

        /**
         * Whether appends are forced to disk before the 2xx; default {@code true}. Without it an
         * operating-system crash (not a process crash) can lose acknowledged events.
         */
        public Builder fsync(boolean fsync) {
            this.fsync = fsync;
            return this;
        }

        /** Compact when the journal file exceeds this size; default 64 MiB. */
        public Builder compactAtBytes(long bytes) {
            if (bytes < 4096) {
                throw new WebhookConfigException("DurableInbox: compactAtBytes must be at least 4096, got " + bytes,
                        "use e.g. 64L << 20");
            }
            this.compactAtBytes = bytes;
            return this;
        }

        /** The clock that expires deduplication keys; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new WebhookConfigException("DurableInbox: clock is null", "pass Clock.systemUTC()");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Opens the inbox, replaying the journal.
         *
         * @throws InboxLockedException if the directory is already open, here or in another process
         * @throws WebhookConfigException if the directory or journal cannot be used
         */
        public DurableInbox open() {
            InboxLock lock = InboxLock.acquire(directory);
            try {
                return new DurableInbox(this, lock);
            } catch (IOException | RuntimeException e) {
                lock.release();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new WebhookConfigException("Durable inbox " + directory + " could not be opened: " + e,
                        "check that the directory exists, is writable and is used by one process only", e);
            }
        }
    }
}
