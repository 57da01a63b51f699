package dev.inlet.webhooks.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * An append-only file of opaque records, each framed as {@code [length][crc32c][payload]}.
 *
 * <p>Crash safety: a record is durable once {@link #force(long)} returned for the position
 * {@link #append} gave. On open, records are replayed in order and the first torn or corrupt frame
 * (a crash in the middle of a write) ends the file: it is truncated there. Forcing is a group
 * commit: one {@code fsync} covers every record appended before it, so concurrent writers share
 * the cost. {@link #rewrite} replaces the contents atomically (write, fsync, rename, fsync dir).
 */
public final class Journal implements Closeable {

    /** Larger frames are treated as corruption. */
    private static final int MAX_RECORD = 256 << 20;

    private final Path file;
    private final boolean fsync;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private FileChannel channel;
    /** Logical bytes appended since open; never reset, so positions survive a rewrite. */
    private long written;
    private volatile long forced;

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
        try {
            long valid = replay(channel, visitor);
            if (valid < channel.size()) {
                channel.truncate(valid);
                channel.force(true);
            }
            channel.position(valid);
            return new Journal(file, fsync, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static long replay(FileChannel channel, Consumer<byte[]> visitor) throws IOException {
        channel.position(0);
        InputStream raw = Channels.newInputStream(channel);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        long valid = 0;
        CRC32C crc = new CRC32C();
        while (true) {
            int length;
            int checksum;
            byte[] payload;
            try {
                length = in.readInt();
                checksum = in.readInt();
                if (length <= 0 || length > MAX_RECORD) {
                    return valid;
                }
                payload = new byte[length];
                in.readFully(payload);
            } catch (EOFException tornTail) {
                return valid;
            }
            crc.reset();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                return valid;
            }
            visitor.accept(payload);
            valid += 8L + length;
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return frame;
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
                Path tmp = file.resolveSibling(file.getFileName() + ".compact");
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    for (byte[] record : records.get()) {
                        ByteBuffer frame = frame(record);
                        while (frame.hasRemaining()) {
                            out.write(frame);
                        }
                    }
                    out.force(true);
                }
                channel.close();
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceDirectory();
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                channel.position(channel.size());
                forced = written;
            }
        }
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
