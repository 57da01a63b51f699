package dev.inlet.webhooks.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** <b>Internal</b> (not API; see the package).
 * An append-only file of opaque records, framed as described in {@link JournalFrames}.
 *
 * <p>Crash safety: a record is durable once {@link #force(long)} returned for the position
 * {@link #append} gave. On open, records are replayed in order. A frame that is damaged with no
 * intact frame after it is a crash's torn tail: the file is truncated there. A damaged frame
 * <em>followed</em> by intact frames is not a crash (appends are sequential): the reader
 * resynchronises on the next frame's magic, replays everything intact after the damage, keeps a
 * byte-for-byte copy of the file as it was ({@code <name>.damaged-<millis>}) and reports each
 * damaged region through {@link #damage()}, so the owner can log it loudly. Forcing is a group
 * commit: one {@code fsync} covers every record appended before it, so concurrent writers share
 * the cost. {@link #rewrite} replaces the contents atomically (write, fsync, rename, fsync dir).
 */
public final class Journal implements Closeable {

    /** One damaged region found on open: where it starts and how many bytes were skipped. */
    public record Damage(long offset, long length) {
    }

    private final Path file;
    private final boolean fsync;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private FileChannel channel;
    /** Logical bytes appended since open; never reset, so positions survive a rewrite. */
    private long written;
    private volatile long forced;
    private List<Damage> damage = List.of();
    private long tornTailBytes;
    private Path quarantine;

    private Journal(Path file, boolean fsync, FileChannel channel) {
        this.file = file;
        this.fsync = fsync;
        this.channel = channel;
    }

    /**
     * Opens (creating if needed) the journal, calling {@code visitor} with every intact record.
     *
     * @param fsync whether {@link #force} really forces to disk (off only for tests of throughput)
     */
    public static Journal open(Path file, boolean fsync, Consumer<byte[]> visitor) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Journal journal = new Journal(file, fsync, channel);
        try {
            journal.replay(visitor);
            return journal;
        } catch (IOException | RuntimeException e) {
            journal.channel.close();
            throw e;
        }
    }

    private void replay(Consumer<byte[]> visitor) throws IOException {
        long size = channel.size();
        boolean legacy = size > 0 && JournalFrames.readFrame(channel, 0, size) == null
                && JournalFrames.readLegacyFrame(channel, 0, size) != null;
        List<byte[]> records = new ArrayList<>();
        List<Damage> damaged = new ArrayList<>();
        long position = 0;
        while (position < size) {
            byte[] payload = legacy ? JournalFrames.readLegacyFrame(channel, position, size)
                    : JournalFrames.readFrame(channel, position, size);
            if (payload != null) {
                records.add(payload);
                visitor.accept(payload);
                position += (legacy ? JournalFrames.LEGACY_HEADER : JournalFrames.HEADER) + payload.length;
                continue;
            }
            // Legacy frames carry no magic to resynchronise on: damage there ends the file.
            long next = legacy ? -1 : JournalFrames.nextFrame(channel, position + 1, size);
            if (next < 0) {
                tornTailBytes = size - position;
                break;
            }
            damaged.add(new Damage(position, next - position));
            position = next;
        }
        damage = List.copyOf(damaged);
        if (!damaged.isEmpty()) {
            quarantine = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.copy(file, quarantine, StandardCopyOption.REPLACE_EXISTING);
        }
        if (legacy || !damaged.isEmpty()) {
            // Rewritten in the current format, without the damaged bytes, so appends follow intact frames.
            channel.close();
            replaceFile(records);
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } else if (tornTailBytes > 0) {
            channel.truncate(size - tornTailBytes);
            channel.force(true);
        }
        channel.position(channel.size());
    }

    /** Damaged regions found before the tail when the journal was opened; empty normally. */
    public List<Damage> damage() {
        return damage;
    }

    /** Bytes of a torn (incomplete) last frame dropped when the journal was opened. */
    public long tornTailBytes() {
        return tornTailBytes;
    }

    /** The copy of the damaged file kept when {@link #damage()} is not empty. */
    public Optional<Path> quarantine() {
        return Optional.ofNullable(quarantine);
    }

    private static ByteBuffer frame(byte[] payload) {
        return JournalFrames.frame(payload);
    }

    /**
     * Appends a record (not yet forced) and runs {@code whileLocked} before any other append or a
     * rewrite can interleave, so the caller's view of the file stays consistent with it.
     *
     * @return the position to pass to {@link #force(long)}
     */
    public long append(byte[] payload, Runnable whileLocked) throws IOException {
        ByteBuffer frame = frame(payload);
        synchronized (writeLock) {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
            written += frame.limit();
            whileLocked.run();
            return written;
        }
    }

    /** Returns once everything up to {@code position} is on disk; concurrent callers share one fsync. */
    public void force(long position) throws IOException {
        if (!fsync || forced >= position) {
            return;
        }
        synchronized (forceLock) {
            if (forced >= position) {
                return;
            }
            long target;
            FileChannel current;
            synchronized (writeLock) {
                target = written;
                current = channel;
            }
            current.force(false);
            forced = target;
        }
    }

    /** The current file size in bytes. */
    public long size() throws IOException {
        synchronized (writeLock) {
            return channel.size();
        }
    }

    /**
     * Replaces the whole journal with {@code records}, computed while appends are held off. The new
     * file is complete and on disk before it takes the old one's name.
     */
    public void rewrite(java.util.function.Supplier<Iterable<byte[]>> records) throws IOException {
        synchronized (forceLock) {
            synchronized (writeLock) {
                channel.close();
                replaceFile(records.get());
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                channel.position(channel.size());
                forced = written;
            }
        }
    }

    /** Writes {@code records} to a new file, forces it, and renames it over the journal. */
    private void replaceFile(Iterable<byte[]> records) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (byte[] record : records) {
                ByteBuffer frame = frame(record);
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void forceDirectory() {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException notSupported) {
            // Some platforms cannot open a directory; the rename is still atomic there.
        }
    }

    /** Forces and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (forceLock) {
            synchronized (writeLock) {
                if (channel.isOpen()) {
                    if (fsync) {
                        channel.force(false);
                    }
                    channel.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Journal[" + file + "]";
    }
}
