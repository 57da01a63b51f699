package dev.inlet.webhooks.receiver;

import dev.inlet.webhooks.WebhookConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock that makes a {@link DurableInbox} directory single-owner: an OS file lock on
 * {@code inbox.lock}, which another process cannot take while it is held and which the operating
 * system releases when the holder dies, even by {@code kill -9}. Within one JVM the same lock
 * taken through a second channel fails with {@link OverlappingFileLockException}, so a second
 * opener in this process is refused as well.
 */
final class InboxLock {

    static final String FILE_NAME = "inbox.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code directory}, creating the directory if needed.
     *
     * @throws InboxLockedException if it is held, here or elsewhere
     * @throws WebhookConfigException if the lock file cannot be created
     */
    static InboxLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new WebhookConfigException("Durable inbox " + directory + ": cannot create the lock file "
                    + FILE_NAME + ": " + e, "check that the directory exists and is writable", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WebhookConfigException("Durable inbox " + directory + ": cannot lock " + FILE_NAME + ": " + e,
                    "use a local file system that supports file locks", e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new InboxLockedException(directory, file);
        }
        return new InboxLock(channel, lock);
    }

    /** Releases the lock; idempotent. The lock file stays (deleting it would race a new opener). */
    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing held any more.
        }
    }
}
