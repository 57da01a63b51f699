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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StateStore} keeping one JSON file per connector in a directory.
 *
 * <p>A save writes the state to a temporary file beside the target, forces it to disk, renames it
 * over the target atomically, and forces the directory, so after a crash or power loss the file
 * holds either the old or the new state. A file that cannot be read as a state is a
 * {@link StateStoreException} naming the file, never treated as "no state".
 *
 * <p>File names are the connector name with characters other than letters, digits, {@code . _ -}
 * percent-encoded (UTF-8), plus {@code .state.json}. Thread-safe; saves of one connector are
 * serialised. One process should own a directory: two processes saving the same connector race.
 */
public final class FileStateStore implements StateStore {

    private static final String SUFFIX = ".state.json";

    private final Path directory;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private FileStateStore(Path directory) {
        this.directory = directory;
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
        return new FileStateStore(dir);
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
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = state.toJson().getBytes(StandardCharsets.UTF_8);
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
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
                syncDirectory();
            } catch (IOException e) {
                throw new StateStoreException("Cannot save the state of connector '" + name + "' to " + file + ": " + e,
                        "Check free space and permissions; the previous state is intact", e);
            }
        }
    }

    @Override
    public void delete(String name) {
        Path file = file(name);
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            try {
                if (Files.deleteIfExists(file)) {
                    syncDirectory();
                }
            } catch (IOException e) {
                throw new StateStoreException("Cannot delete the state file " + file + " of connector '" + name
                        + "': " + e, "Check the file's permissions", e);
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
        return "FileStateStore[" + directory + "]";
    }
}
