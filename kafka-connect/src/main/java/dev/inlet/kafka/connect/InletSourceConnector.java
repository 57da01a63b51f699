package dev.inlet.kafka.connect;

import dev.inlet.kafka.connect.internal.SourceConfig;
import dev.inlet.kafka.connect.internal.SourceOffsets;
import dev.inlet.kafka.connect.internal.TaskItems;
import dev.inlet.kafka.connect.internal.TaskPacking;
import dev.inlet.kafka.connect.internal.WorkItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source connector that runs Inlet connectors: each tenant's streams (from the
 * {@link InletConnectorFactory} named by {@code inlet.factory.class}) are read page by page by
 * {@link InletSourceTask}s into Kafka. Instead of a factory, {@code inlet.definition} names a
 * declarative definition (a file, or {@code catalogue:<service>}) whose inputs each tenant gives.
 *
 * <p>Work is packed into tasks by rate-limit key: every stream of one key (vendor account) runs in
 * one task, so its budget is never split between workers, and keys move between tasks as little as
 * possible when {@code tasks.max} or the tenants change. A stream's offset is its Inlet
 * {@code Position}: source partition {@code {connector, stream, tenant}}, offset
 * {@code {"inlet": 1, "position": "..."}}. Supports exactly-once delivery (KIP-618) with one
 * transaction per page. See {@code docs/kafka-connect.md}.
 */
public class InletSourceConnector extends SourceConnector {

    /** The version Connect shows for this plugin. */
    static final String VERSION = versionOf(InletSourceConnector.class);

    private Map<String, String> props;
    private SourceConfig config;
    private List<WorkItem> items;

    /** The connector (Connect's constructor). */
    public InletSourceConnector() {
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new SourceConfig(props);
        this.items = workItems(config, config.factory());
    }

    /** The work items of every tenant's streams, checked for duplicate stream names. */
    static List<WorkItem> workItems(SourceConfig config, InletConnectorFactory factory) {
        List<WorkItem> items = new ArrayList<>();
        for (Tenant tenant : config.tenants()) {
            List<StreamSource> streams;
            try {
                streams = factory.streams(tenant);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("The factory refused tenant '" + tenant.id() + "': " + e.getMessage(), e);
            }
            Set<String> names = new HashSet<>();
            for (StreamSource stream : streams) {
                if (!names.add(stream.stream())) {
                    throw new ConnectException("The factory gives tenant '" + tenant.id() + "' two streams named '"
                            + stream.stream() + "'; stream names must be unique per tenant");
                }
                items.add(new WorkItem(tenant.id(), stream.stream(), stream.rateLimitKey().orElse(tenant.id())));
            }
        }
        return items;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return InletSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<WorkItem> task : TaskPacking.pack(items, maxTasks)) {
            Set<String> tenants = new HashSet<>();
            task.forEach(item -> tenants.add(item.tenant()));
            Map<String, String> taskProps = new LinkedHashMap<>();
            // Values are copied unchanged (Connect puts config-provider references back in place of their
            // resolved values before it stores task configurations); only this task's tenants are kept.
            props.forEach((key, value) -> {
                if (!key.startsWith("inlet.tenant.") || tenants.contains(tenantOfKey(key))) {
                    taskProps.put(key, value);
                }
            });
            taskProps.put(SourceConfig.TENANTS, String.join(",", config.tenants().stream().map(Tenant::id)
                    .filter(tenants::contains).toList()));
            taskProps.put(SourceConfig.TASK_ITEMS, TaskItems.write(task));
            configs.add(taskProps);
        }
        return configs;
    }

    private static String tenantOfKey(String key) {
        String rest = key.substring("inlet.tenant.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Override
    public void stop() {
        // Nothing to release: the tasks hold the connections.
    }

    @Override
    public ConfigDef config() {
        return SourceConfig.DEFINITION;
    }

    /** Supported: each page's records and offset are written in one transaction when the worker enables it. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Supported: with {@code transaction.boundary=connector}, the task commits one transaction per page. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }

    /**
     * Checks offsets a user sets through Connect's REST API: each partition must be this connector's
     * ({@code connector}, {@code stream}, {@code tenant}) and each offset an Inlet offset (or null, to reset).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        String name = connectorConfig.getOrDefault("name", "inlet");
        Map<Map<String, ?>, Map<String, ?>> checked = new HashMap<>(offsets);
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : checked.entrySet()) {
            try {
                SourceOffsets.checkPartition(entry.getKey(), name);
                SourceOffsets.read(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Cannot set the offset of " + entry.getKey() + ": " + e.getMessage());
            }
        }
        return true;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
