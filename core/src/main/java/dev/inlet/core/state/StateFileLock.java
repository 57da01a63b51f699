package dev.inlet.core.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The cross-process lock a {@link FileStateStore} holds while it writes one connector's state: an
 * exclusive {@link FileLock} on {@code <state file>.lock}, so two processes saving the same connector
 * take turns instead of tearing each other's files. The holder (process id, host, since when) is
 * written into the lock file, so a process that waits too long can say who holds it.
 *
 * <p>The lock covers one byte far beyond the holder text, so readers (and platforms with mandatory
 * locks) can still read who holds it. The lock file stays: deleting it would race with the next
 * locker. Within one JVM, {@link FileStateStore} serialises callers before they get here (a JVM
 * cannot lock one file twice).
 */
final class StateFileLock implements AutoCloseable {

    private static final long REGION = Long.MAX_VALUE - 1;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final FileChannel channel;
    private final FileLock lock;

    private StateFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to the timeout for another process to release it.
     *
     * @throws StateStoreException if another process holds it longer, naming the directory and the holder
     * @throws IOException if the lock file cannot be opened
     */
    static StateFileLock acquire(Path lockFile, String connector, Duration timeout) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                FileLock lock = channel.tryLock(REGION, 1, false);
                if (lock != null) {
                    StateFileLock held = new StateFileLock(channel, lock);
                    held.writeHolder();
                    return held;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StateStoreException("Another process is saving the state of connector '" + connector
                            + "' in " + lockFile.getParent() + ": its lock file " + lockFile.getFileName()
                            + " is held by " + holder(channel) + " (waited " + timeout.toMillis() + " ms)",
                            "Two processes must not sync one connector at once: stop the other one, or give each "
                                    + "its own state directory", null);
                }
                LockSupport.parkNanos(POLL_NANOS);
                if (Thread.currentThread().isInterrupted()) {
                    throw new StateStoreException("Interrupted while waiting for the lock file " + lockFile
                            + " of connector '" + connector + "'", "The state was not saved", null);
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Who holds the lock, as its holder wrote it. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another process (it wrote no holder)" : text;
        } catch (IOException e) {
            return "another process (its holder cannot be read: " + e + ")";
        }
    }

    private void writeHolder() throws IOException {
        byte[] text = ("process " + ManagementFactory.getRuntimeMXBean().getName() + " since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
