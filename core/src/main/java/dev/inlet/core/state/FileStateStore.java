package dev.inlet.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StateStore} keeping one JSON file per connector in a directory.
 *
 * <p>A save writes the state to a temporary file of its own (a unique name beside the target),
 * forces it to disk, renames it over the target atomically, and forces the directory, so after a
 * crash or power loss the file holds either the old or the new state, and a reader never sees a
 * partial or empty one. A file that cannot be read as a state is a {@link StateStoreException}
 * naming the file, never treated as "no state".
 *
 * <p>Saves and deletes of one connector are serialised across threads and processes: each holds an
 * exclusive file lock on {@code <state file>.lock} (which stays in the directory) while it writes. A
 * process that cannot get the lock within the {@link #lockTimeout(Duration) lock timeout} (default
 * 30 s) fails with a {@link StateStoreException} naming the directory and the holder (process id and
 * host). Two processes syncing one connector at once still interleave their runs: give each its own
 * directory, or make sure only one runs.
 *
 * <p>File names are the connector name with characters other than letters, digits, {@code . _ -}
 * percent-encoded (UTF-8), plus {@code .state.json}. Immutable and thread-safe.
 */
public final class FileStateStore implements StateStore {

    private static final String SUFFIX = ".state.json";

    /** The default wait for another process's save of the same connector. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    /** One monitor per lock file in this JVM: a JVM cannot hold one file lock twice. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Duration lockTimeout;

    private FileStateStore(Path directory, Duration lockTimeout) {
        this.directory = directory;
        this.lockTimeout = lockTimeout;
    }

    /**
     * A store in the directory, created (with its parents) if missing.
     *
     * @throws StateStoreException if the directory cannot be created or is not a directory
     */
    public static FileStateStore in(Path directory) {
        Objects.requireNonNull(directory, "directory");
        Path dir = directory.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StateStoreException("Cannot create the state directory " + dir + ": " + e, 
                    "Check the path and its permissions", e);
        }
        return new FileStateStore(dir, DEFAULT_LOCK_TIMEOUT);
    }

    /** This store, waiting up to the timeout for another process's save of the same connector. */
    public FileStateStore lockTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the lock timeout must not be negative, was " + timeout);
        }
        return new FileStateStore(directory, timeout);
    }

    /** The directory holding the state files. */
    public Path directory() {
        return directory;
    }

    /** The file that holds the connector's state. */
    public Path file(String name) {
        return directory.resolve(fileName(StateStore.requireName(name)));
    }

    @Override
    public Optional<ConnectorState> load(String name) {
        Path file = file(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateStoreException("Cannot read the state of connector '" + name + "' from " + file + ": " + e,
                    "Check the file's permissions and the disk", e);
        }
        try {
            return Optional.of(ConnectorState.fromJson(text));
        } catch (IllegalArgumentException e) {
            throw new StateStoreException("The state file " + file + " of connector '" + name + "' is corrupt: "
                    + e.getMessage(), "Restore the file from a backup, or delete it to fetch the connector from "
                    + "the beginning (records delivered before will be delivered again)", e);
        }
    }

    @Override
    public void save(String name, ConnectorState state) {
        Objects.requireNonNull(state, "state");
        Path file = file(name);
        byte[] bytes = state.toJson().getBytes(StandardCharsets.UTF_8);
        Path lockFile = lockFile(file);
        synchronized (MONITORS.computeIfAbsent(lockFile, f -> new Object())) {
            Path temp = null;
            try (StateFileLock lock = StateFileLock.acquire(lockFile, name, lockTimeout)) {
                // A name of its own: another writer's temporary file is never truncated under it.
                temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new StateStoreException("The file system of " + directory + " cannot rename atomically, "
                            + "so the state of connector '" + name + "' could be torn by a crash",
                            "Keep states on a local file system", e);
                }
                temp = null;
                syncDirectory();
            } catch (IOException e) {
                throw new StateStoreException("Cannot save the state of connector '" + name + "' to " + file + ": " + e,
                        "Check free space and permissions; the previous state is intact", e);
            } finally {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public void delete(String name) {
        Path file = file(name);
        Path lockFile = lockFile(file);
        synchronized (MONITORS.computeIfAbsent(lockFile, f -> new Object())) {
            try (StateFileLock lock = StateFileLock.acquire(lockFile, name, lockTimeout)) {
                if (Files.deleteIfExists(file)) {
                    syncDirectory();
                }
            } catch (IOException e) {
                throw new StateStoreException("Cannot delete the state file " + file + " of connector '" + name
                        + "': " + e, "Check the file's permissions", e);
            }
        }
    }

    private static Path lockFile(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".lock");
    }

    /** A temporary file left by a failed save; the state itself is intact. */
    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Only a stray temporary file is left; the state file is untouched.
            }
        }
    }

    /** Makes the rename durable. Some platforms (Windows) cannot open a directory; there it is skipped. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The rename is still atomic; only its durability across power loss is the platform's.
        }
    }

    static String fileName(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' && out.length() > 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return out + SUFFIX;
    }

    @Override
    public String toString() {
        return "FileStateStore[" + directory + ", lock timeout " + lockTimeout + "]";
    }
}
