package dev.inlet.kafka.connect.internal;

import dev.inlet.core.Secret;
import dev.inlet.kafka.connect.InletConnectorFactory;
import dev.inlet.kafka.connect.Tenant;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * <b>Internal</b>: the configuration of {@code InletSourceConnector} and its tasks.
 *
 * <p>Besides the keys of {@link #DEFINITION}, each tenant has {@code inlet.tenant.<id>.input.<name>}
 * (plain) and {@code inlet.tenant.<id>.secret.<name>} (secret: held as a {@link Secret}, never
 * logged) keys. The connector name is Connect's {@code name}.
 */
public final class SourceConfig extends AbstractConfig {

    public static final String FACTORY = "inlet.factory.class";
    public static final String DEFINITION_SOURCE = "inlet.definition";
    public static final String STREAMS = "inlet.streams";
    public static final String DEFINITION_BASE_URL = "inlet.definition.base.url";
    public static final String RATE_LIMIT_KEY_INPUT = "inlet.rate.limit.key.input";
    public static final String TENANTS = "inlet.tenants";
    public static final String TOPIC = "inlet.topic";
    public static final String HEARTBEAT_TOPIC = "inlet.heartbeat.topic";
    public static final String DEAD_LETTER_TOPIC = "inlet.dead.letter.topic";
    public static final String RECORD_FORMAT = "inlet.record.format";
    public static final String POLL_WAIT_MS = "inlet.poll.wait.ms";
    public static final String RETRY_BACKOFF_MS = "inlet.retry.backoff.ms";
    public static final String RESCAN_INTERVAL_MS = "inlet.rescan.interval.ms";
    /** Set by the connector in each task's configuration: the task's items, as JSON. */
    public static final String TASK_ITEMS = "inlet.task.items";

    static final String TENANT_PREFIX = "inlet.tenant.";

    /** Every key the connector declares, with its default and documentation. */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(FACTORY, Type.CLASS, null, Importance.HIGH,
                    "The InletConnectorFactory that gives each tenant's streams (a public class with a public "
                            + "no-argument constructor, on the plugin's class path). Set this or "
                            + DEFINITION_SOURCE + ", not both.")
            .define(DEFINITION_SOURCE, Type.STRING, "", Importance.HIGH,
                    "A declarative definition giving each tenant's streams: a file path on the worker, or "
                            + "catalogue:<service> for a definition shipped with Inlet. Each tenant's inputs and "
                            + "secrets are the definition's inputs. Set this or " + FACTORY + ", not both.")
            .define(STREAMS, Type.LIST, "", Importance.MEDIUM,
                    "With " + DEFINITION_SOURCE + ": the streams to read, comma-separated. Empty: every "
                            + "top-level stream of the definition (substreams are not supported).")
            .define(DEFINITION_BASE_URL, Type.STRING, "", Importance.LOW,
                    "With " + DEFINITION_SOURCE + ": a base URL replacing the definition's (a proxy, a regional "
                            + "host, a local fake). Empty: the definition's.")
            .define(RATE_LIMIT_KEY_INPUT, Type.STRING, "", Importance.MEDIUM,
                    "With " + DEFINITION_SOURCE + ": the tenant input naming the vendor account the tenant "
                            + "spends (its rate-limit key; tenants with the same value share a task and a "
                            + "limiter). Empty: each tenant is its own account.")
            .define(TENANTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "The tenant ids, comma-separated. Each tenant's inputs are "
                            + "inlet.tenant.<id>.input.<name>; its secrets inlet.tenant.<id>.secret.<name> "
                            + "(give them through a config provider: ${file:...}, ${env:...}).")
            .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The topic records go to; {stream} and {tenant} are replaced by the "
                            + "record's stream and tenant.")
            .define(HEARTBEAT_TOPIC, Type.STRING, "inlet-heartbeats", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "The topic of heartbeat records: a page without records still moves "
                            + "its stream's offset through one record here.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, "", Importance.MEDIUM,
                    "The topic invalid records go to (the raw record, with headers saying why). Empty: an "
                            + "invalid record fails the task.")
            .define(RECORD_FORMAT, Type.STRING, "json",
                    ConfigDef.ValidString.in("json", "schemaless", "struct"), Importance.MEDIUM,
                    "json: the record's JSON text as a string value (StringConverter). schemaless: maps and "
                            + "lists without a schema (JsonConverter, schemas.enable=false). struct: a Connect "
                            + "Struct of the schema derived from the stream's JSON Schema (JSON text when the "
                            + "stream declares none).")
            .define(POLL_WAIT_MS, Type.LONG, 500L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "The longest one poll waits when no stream is ready before returning no records.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long a stream waits after a page failed with a transient error that Inlet's own "
                            + "retries did not overcome (a server wait hint wins when longer).")
            .define(RESCAN_INTERVAL_MS, Type.LONG, -1L, ConfigDef.Range.atLeast(-1), Importance.LOW,
                    "How long after reading its last page a stream starts again from its first page; -1 "
                            + "never (alter the offsets to read it again).")
            .defineInternal(TASK_ITEMS, Type.STRING, "", Importance.LOW);

    private final String name;
    private final List<Tenant> tenants;

    /**
     * Parses and checks a connector or task configuration.
     *
     * @throws ConfigException naming the key that is wrong (never a secret's value)
     */
    public SourceConfig(Map<String, String> originals) {
        super(DEFINITION, originals, false);
        String connectorName = originals.get("name");
        this.name = connectorName == null || connectorName.isBlank() ? "inlet" : connectorName;
        this.tenants = parseTenants(originals, getList(TENANTS));
    }

    /** The connector's name. */
    public String connectorName() {
        return name;
    }

    /** The configured tenants, in configuration order. */
    public List<Tenant> tenants() {
        return tenants;
    }

    /**
     * A new instance of the configured factory: the definition's when {@code inlet.definition} is set,
     * else the {@code inlet.factory.class}.
     *
     * @throws ConfigException if neither or both are set, or the factory cannot be made
     */
    public InletConnectorFactory factory() {
        Class<?> type = getClass(FACTORY);
        String definition = getString(DEFINITION_SOURCE).trim();
        if (type != null && !definition.isEmpty()) {
            throw new ConfigException(DEFINITION_SOURCE, definition, "set either " + FACTORY + " or "
                    + DEFINITION_SOURCE + ", not both");
        }
        if (!definition.isEmpty()) {
            return new DefinitionFactory(definition, getList(STREAMS), getString(DEFINITION_BASE_URL).trim(),
                    getString(RATE_LIMIT_KEY_INPUT).trim());
        }
        if (type == null) {
            throw new ConfigException(FACTORY, null, "set " + FACTORY + " (a Java factory) or " + DEFINITION_SOURCE
                    + " (a definition file or catalogue:<service>)");
        }
        if (!InletConnectorFactory.class.isAssignableFrom(type)) {
            throw new ConfigException(FACTORY, type.getName(), "does not implement "
                    + InletConnectorFactory.class.getName());
        }
        try {
            return (InletConnectorFactory) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new ConfigException(FACTORY, type.getName(), "needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new ConfigException(FACTORY, type.getName(), "its constructor failed: " + e.getCause());
        }
    }

    /** The topic of a tenant's stream. */
    public String topic(String stream, String tenant) {
        return getString(TOPIC).replace("{stream}", stream).replace("{tenant}", tenant);
    }

    /** The record format. */
    public RecordFormat format() {
        return RecordFormat.valueOf(getString(RECORD_FORMAT).toUpperCase(Locale.ROOT));
    }

    private static List<Tenant> parseTenants(Map<String, String> originals, List<String> ids) {
        Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
        Map<String, Map<String, Secret>> secrets = new HashMap<>();
        if (ids.isEmpty()) {
            throw new ConfigException(TENANTS, "", "list at least one tenant id");
        }
        for (String id : ids) {
            if (id.isBlank() || id.contains(".")) {
                throw new ConfigException(TENANTS, String.join(",", ids), "a tenant id must be non-blank and "
                        + "contain no '.', was '" + id + "'");
            }
            if (inputs.put(id, new HashMap<>()) != null) {
                throw new ConfigException(TENANTS, String.join(",", ids), "tenant '" + id + "' is listed twice");
            }
            secrets.put(id, new HashMap<>());
        }
        for (Map.Entry<String, String> entry : originals.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(TENANT_PREFIX)) {
                continue;
            }
            String rest = key.substring(TENANT_PREFIX.length());
            int dot = rest.indexOf('.');
            String id = dot < 0 ? rest : rest.substring(0, dot);
            String kindAndName = dot < 0 ? "" : rest.substring(dot + 1);
            if (!inputs.containsKey(id)) {
                throw new ConfigException(key, "(not shown)", "names tenant '" + id + "', which is not in " + TENANTS);
            }
            if (kindAndName.startsWith("input.") && kindAndName.length() > 6) {
                inputs.get(id).put(kindAndName.substring(6), entry.getValue());
            } else if (kindAndName.startsWith("secret.") && kindAndName.length() > 7) {
                String value = entry.getValue();
                if (value == null || value.isEmpty()) {
                    throw new ConfigException(key, "(not shown)", "a tenant secret must not be empty");
                }
                secrets.get(id).put(kindAndName.substring(7), Secret.of(value));
            } else {
                throw new ConfigException(key, "(not shown)", "a tenant key is inlet.tenant.<id>.input.<name> or "
                        + "inlet.tenant.<id>.secret.<name>");
            }
        }
        List<Tenant> result = new ArrayList<>();
        for (String id : inputs.keySet()) {
            result.add(Tenant.of(id, inputs.get(id), secrets.get(id)));
        }
        return List.copyOf(result);
    }

    /** Whether a key is a tenant secret (its value is never shown). */
    public static boolean isSecretKey(String key) {
        return key.startsWith(TENANT_PREFIX) && key.contains(".secret.");
    }
}
