package dev.inlet.core.state;

import java.util.Optional;

/**
 * Where connector states are kept between runs and across restarts, one per connector name.
 *
 * <p>Implementations must be thread-safe, and {@link #save} must be atomic: after a crash at any
 * moment, {@link #load} returns either the state saved before or the one being saved, never a mix
 * or nothing. Built in: {@link InMemoryStateStore} (tests, or hosts that persist elsewhere) and
 * {@link FileStateStore} (one file per connector, written atomically and synced to disk). A host
 * with a database can implement this interface over a table; saving the state in the same
 * transaction as the records it follows makes delivery exactly-once.
 */
public interface StateStore {

    /**
     * The state saved for the connector, or empty if none was saved.
     *
     * @throws StateStoreException if the state exists but cannot be read (I/O failure, corrupt data)
     */
    Optional<ConnectorState> load(String name);

    /**
     * Saves the connector's state, replacing the previous one atomically.
     *
     * @throws StateStoreException if the state cannot be saved; the previous state is then intact
     */
    void save(String name, ConnectorState state);

    /**
     * Forgets the connector's state, so its next run starts from the beginning. Does nothing if none
     * was saved.
     *
     * @throws StateStoreException if the state exists but cannot be removed
     */
    void delete(String name);

    /** Checks a connector name for every store: non-blank. */
    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state needs a non-blank connector name");
        }
        return name;
    }
}
