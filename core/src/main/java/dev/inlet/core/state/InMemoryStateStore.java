package dev.inlet.core.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StateStore} in memory: for tests, and for hosts that persist states themselves. States
 * are lost when the process ends. Thread-safe.
 */
public final class InMemoryStateStore implements StateStore {

    private final Map<String, ConnectorState> states = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryStateStore() {
    }

    @Override
    public Optional<ConnectorState> load(String name) {
        return Optional.ofNullable(states.get(StateStore.requireName(name)));
    }

    @Override
    public void save(String name, ConnectorState state) {
        states.put(StateStore.requireName(name), Objects.requireNonNull(state, "state"));
    }

    @Override
    public void delete(String name) {
        states.remove(StateStore.requireName(name));
    }

    /** A snapshot of every stored state by connector name. */
    public Map<String, ConnectorState> snapshot() {
        return Map.copyOf(states);
    }
}
