package dev.inlet.kafka.connect;

import dev.inlet.kafka.connect.internal.WebhookConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source connector that receives webhooks: its one {@link InletWebhookSourceTask}
 * listens on {@code inlet.webhook.port} of the worker that runs it with Inlet's {@code WebhookServer},
 * serving one endpoint or several ({@code inlet.webhook.endpoints}, each with its own path, scheme,
 * secret and topic), verifies each delivery and writes it to its topic, answering the vendor 2xx only
 * after the record is committed to Kafka, so that a lost worker makes the vendor deliver again
 * (deduplicate by the {@code inlet.webhook.id} header downstream). See {@code docs/kafka-connect.md}.
 */
public class InletWebhookSourceConnector extends SourceConnector {

    private Map<String, String> props;

    /** The connector (Connect's constructor). */
    public InletWebhookSourceConnector() {
    }

    @Override
    public String version() {
        return InletSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        new WebhookConfig(props).endpoints();
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return InletWebhookSourceTask.class;
    }

    /** One task, whatever {@code tasks.max}: the task owns the port. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        // Nothing to release: the task holds the port.
    }

    @Override
    public ConfigDef config() {
        return WebhookConfig.DEFINITION;
    }

    /** Supported: set {@code inlet.webhook.ack} to {@code transaction} (or leave {@code auto}) on exactly-once workers. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
