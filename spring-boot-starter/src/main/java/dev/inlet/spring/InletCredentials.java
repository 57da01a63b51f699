package dev.inlet.spring;

import dev.inlet.core.error.InletException;
import dev.inlet.core.Secret;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named credentials from {@code inlet.credentials.*} (Spring's property sources: files, the
 * environment, a vault), as {@link Secret}s. Inject it to build connectors' credentials. Its
 * {@code toString()} lists names only. Immutable and thread-safe.
 */
public final class InletCredentials {

    private final Map<String, Secret> secrets;

    /** The credentials by name. */
    public InletCredentials(Map<String, Secret> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /**
     * The credential called {@code name}.
     *
     * @throws InletException naming the missing property (never a value) if there is none
     */
    public Secret get(String name) {
        Secret secret = secrets.get(name);
        if (secret == null) {
            throw new InletException("No credential named '" + name + "' (looked for inlet.credentials." + name + ")",
                    "set inlet.credentials." + name + ", e.g. from an environment variable: inlet.credentials." + name
                            + "=${MY_API_KEY}; configured: " + names(), null);
        }
        return secret;
    }

    /** The configured names. */
    public Set<String> names() {
        return new TreeSet<>(secrets.keySet());
    }

    @Override
    public String toString() {
        return "InletCredentials" + names();
    }
}
