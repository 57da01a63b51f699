package dev.inlet.kafka.connect;

import dev.inlet.core.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One tenant of a Kafka Connect source connector: an id (a store, an account) and its inputs, as
 * configured under {@code inlet.tenant.<id>.*}.
 *
 * <p>Inputs are plain settings ({@code inlet.tenant.<id>.input.<name>}: a shop domain, a region);
 * secrets ({@code inlet.tenant.<id>.secret.<name>}) are held as {@link Secret}s, which never show
 * their value in {@code toString()}. Give secrets through a Connect config provider
 * ({@code ${file:/etc/inlet/shop.properties:token}}, {@code ${env:SHOP_TOKEN}}) so that the
 * connector's stored configuration holds the reference, not the value. Immutable and thread-safe.
 */
public final class Tenant {

    private final String id;
    private final Map<String, String> inputs;
    private final Map<String, Secret> secrets;

    private Tenant(String id, Map<String, String> inputs, Map<String, Secret> secrets) {
        this.id = id;
        this.inputs = inputs;
        this.secrets = secrets;
    }

    /**
     * A tenant with these inputs and secrets.
     *
     * @throws IllegalArgumentException if the id is blank
     */
    public static Tenant of(String id, Map<String, String> inputs, Map<String, Secret> secrets) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a tenant id must not be blank");
        }
        return new Tenant(id, Map.copyOf(inputs), Map.copyOf(secrets));
    }

    /** The tenant's id, unique within the connector; part of every source partition. */
    public String id() {
        return id;
    }

    /** A plain input, if configured. */
    public Optional<String> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /**
     * A plain input that must be configured.
     *
     * @throws IllegalArgumentException naming the missing key if it is not
     */
    public String requireInput(String name) {
        String value = inputs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("tenant '" + id + "' has no input '" + name + "'; set inlet.tenant."
                    + id + ".input." + name);
        }
        return value;
    }

    /** All plain inputs, by name. */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** The names of the configured secrets (never their values). */
    public Set<String> secretNames() {
        return secrets.keySet();
    }

    /** A secret, if configured. */
    public Optional<Secret> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /**
     * A secret that must be configured.
     *
     * @throws IllegalArgumentException naming the missing key (never a value) if it is not
     */
    public Secret requireSecret(String name) {
        Secret value = secrets.get(name);
        if (value == null) {
            throw new IllegalArgumentException("tenant '" + id + "' has no secret '" + name + "'; set inlet.tenant."
                    + id + ".secret." + name + " (through a config provider, e.g. ${file:...} or ${env:...})");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tenant t && id.equals(t.id) && inputs.equals(t.inputs) && secrets.equals(t.secrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, inputs, secrets);
    }

    /** The id, the inputs and the names of the secrets (never their values). */
    @Override
    public String toString() {
        return "Tenant[" + id + ", inputs=" + new TreeMap<>(inputs) + ", secrets=" + new TreeMap<>(secrets).keySet()
                + "]";
    }
}
