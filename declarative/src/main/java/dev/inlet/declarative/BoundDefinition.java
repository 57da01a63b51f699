package dev.inlet.declarative;

import dev.inlet.core.Connector;
import dev.inlet.core.compose.Substreams;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.core.state.IncrementalSync;
import dev.inlet.declarative.internal.BindSettings;
import dev.inlet.declarative.internal.ConnectorFactory;
import dev.inlet.declarative.internal.DefinitionSpec;
import dev.inlet.declarative.internal.StreamSpec;
import dev.inlet.declarative.internal.Suggestions;
import dev.inlet.declarative.internal.Webhooks;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.routing.RefreshTrigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A {@link Definition} bound to inputs and a runtime: its streams as connectors. Placeholders were resolved
 * when it was bound; the definition's credentials and rate limiter are shared by all its connectors.
 * Immutable and thread-safe; each call builds a fresh connector.
 *
 * <p>Streams come in three shapes: a plain stream is a {@link Connector} ({@link #connector}); an
 * incremental one also has an {@link IncrementalSync} that keeps its cursor in the binding's state
 * store ({@link #incremental}); a substream (a child request per parent record) is a
 * {@link Substreams} ({@link #substream}). {@link #records} reads any of them once, from the start.
 */
public final class BoundDefinition {

    private final Definition definition;
    private final DefinitionSpec spec;
    private final BindSettings settings;
    private final ConnectorFactory factory;

    BoundDefinition(Definition definition, DefinitionSpec spec, BindSettings settings) {
        this.definition = definition;
        this.spec = spec;
        this.settings = settings;
        this.factory = new ConnectorFactory(spec, settings);
    }

    /** The definition. */
    public Definition definition() {
        return definition;
    }

    /** The base URL in force: the binding's override, or the definition's, resolved. */
    public String baseUrl() {
        return factory.baseUrl();
    }

    /**
     * The connector of a stream (named {@code <definition>-<stream>}), reading from the first page; an
     * incremental stream's connector reads everything (its {@link #incremental} sync asks for what changed).
     *
     * @throws DefinitionException if there is no such stream, or it is a substream (see {@link #substream})
     */
    public Connector<JsonNode> connector(String stream) {
        StreamSpec s = stream(stream);
        if (s.parent() != null) {
            throw at(s, "stream `" + stream + "` is a substream of `" + s.parent().stream()
                    + "`: it has a connector per parent record", "BoundDefinition.substream(\"" + stream + "\")");
        }
        return Problems.guard(() -> factory.connector(s));
    }

    /**
     * The connector of an incremental stream asking only for records at or after {@code since} (the
     * stream's {@code param}, in its cursor format: ISO text in UTC, or epoch seconds or milliseconds).
     * Keeps no state: one window, read once (e.g. a backfill from a date, or a sink that keeps its own).
     *
     * @throws DefinitionException if there is no such stream, or it is a substream or not incremental
     */
    public Connector<JsonNode> connector(String stream, Instant since) {
        Objects.requireNonNull(since, "since");
        StreamSpec s = incrementalStream(stream);
        if (s.parent() != null) {
            throw at(s, "stream `" + stream + "` is a substream of `" + s.parent().stream()
                    + "`: it has a connector per parent record", "BoundDefinition.substream(\"" + stream + "\")");
        }
        return Problems.guard(() -> factory.connector(s, settings.resolver(),
                Optional.of(s.incremental().sinceText(since))));
    }

    /**
     * The connector of an incremental stream for a since already written in its cursor format — what a sync that
     * keeps its own cursor (core's {@code IncrementalSync}, inlet-jdbc's {@code JdbcSink}) hands to its connector
     * factory: records at or after {@code since}; when empty (a first run), at or after the definition's
     * {@code start} if it has one, else everything. The format and lookback to keep the cursor by are
     * {@link StreamDefinition#cursorFormat()} and {@link StreamDefinition#lookback()}.
     *
     * @throws DefinitionException if there is no such stream, or it is a substream or not incremental
     */
    public Connector<JsonNode> connectorSince(String stream, Optional<String> since) {
        Objects.requireNonNull(since, "since");
        StreamSpec s = incrementalStream(stream);
        if (s.parent() != null) {
            throw at(s, "stream `" + stream + "` is a substream of `" + s.parent().stream()
                    + "`: it has a connector per parent record", "BoundDefinition.substream(\"" + stream + "\")");
        }
        return Problems.guard(() -> factory.connector(s, settings.resolver(), since.isPresent() ? since
                : Optional.ofNullable(s.incremental().start()).map(start -> start.resolve(settings.resolver()))));
    }

    /** The connectors of every top-level (non-substream) stream, by stream name, in file order. */
    public Map<String, Connector<JsonNode>> connectors() {
        Map<String, Connector<JsonNode>> connectors = new LinkedHashMap<>();
        for (StreamSpec s : spec.streams().values()) {
            if (s.parent() == null) {
                connectors.put(s.name(), connector(s.name()));
            }
        }
        return java.util.Collections.unmodifiableMap(connectors);
    }

    /**
     * The incremental sync of an incremental stream, keeping its state in the binding's store.
     *
     * @throws DefinitionException if the stream is not incremental or the binding has no state store
     */
    public IncrementalSync<JsonNode> incremental(String stream) {
        StreamSpec s = incrementalStream(stream);
        return Problems.guard(() -> factory.incremental(s));
    }

    /**
     * The incremental sync of an incremental stream whose first run asks for records at or after
     * {@code startAt} instead of the definition's {@code start} (later runs continue from the saved cursor,
     * as always), keeping its state in the binding's store.
     *
     * @throws DefinitionException if the stream is not incremental or the binding has no state store
     */
    public IncrementalSync<JsonNode> incremental(String stream, Instant startAt) {
        Objects.requireNonNull(startAt, "startAt");
        StreamSpec s = incrementalStream(stream);
        return Problems.guard(() -> factory.incremental(s, Optional.of(startAt)));
    }

    private StreamSpec incrementalStream(String stream) {
        StreamSpec s = stream(stream);
        if (s.incremental() == null) {
            throw at(s, "stream `" + stream + "` is not incremental", "`incremental:` on the stream");
        }
        return s;
    }

    /**
     * A substream: for each record of its parent stream, the child request built from it (its
     * {@code ${parent:/pointer}} placeholders filled from the parent), with the carried parent fields.
     *
     * @throws DefinitionException if the stream has no parent
     */
    public Substreams<JsonNode> substream(String stream) {
        StreamSpec s = stream(stream);
        if (s.parent() == null) {
            throw at(s, "stream `" + stream + "` has no parent", "`parent:` on the stream");
        }
        StreamSpec parent = spec.streams().get(s.parent().stream());
        Connector<JsonNode> parentConnector = Problems.guard(() -> factory.connector(parent));
        Substreams.Builder<JsonNode> builder = Substreams.builder(parentConnector, record -> Problems.guard(
                () -> factory.connector(s, settings.resolver().withParent(record), Optional.empty())))
                .concurrency(s.parent().concurrency())
                .prefix("parent_");
        for (String pointer : s.parent().carry()) {
            builder.carry(pointer);
        }
        return builder.build();
    }

    /**
     * Every record of a stream, once, from the start: the connector's records, or a substream's.
     * Close the stream when done.
     */
    public Stream<JsonNode> records(String stream) {
        StreamSpec s = stream(stream);
        return s.parent() != null ? substream(stream).records() : connector(stream).records();
    }

    /** A metric computed over one full read of its stream. */
    public TimeSeries aggregate(String metric) {
        MetricDefinition m = definition.metric(metric).orElseThrow(() -> new DefinitionException(spec.file(), 0, 0,
                "metrics", "no metric `" + metric + "`", "one of " + definition.metrics().stream()
                        .map(MetricDefinition::name).toList(), Suggestions.nearest(metric, definition.metrics()
                        .stream().map(MetricDefinition::name).toList()), null));
        try (Stream<JsonNode> records = records(m.stream())) {
            return m.aggregate(records);
        }
    }

    /**
     * The webhook endpoint of the definition's {@code webhooks:} section: its path, a verifier for its
     * scheme with the resolved secret, and a router that asks {@code trigger} to refresh
     * {@code <definition>-<stream>} for each event type mapped to a stream (others acknowledged and
     * ignored). Add it to a {@code WebhookReceiver}.
     *
     * @return empty when the definition has no webhooks section
     */
    public Optional<WebhookEndpoint> webhookEndpoint(RefreshTrigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (spec.webhooks() == null) {
            return Optional.empty();
        }
        return Optional.of(Problems.guard(() -> Webhooks.endpoint(spec, settings, trigger)));
    }

    private StreamSpec stream(String name) {
        Objects.requireNonNull(name, "stream");
        StreamSpec s = spec.streams().get(name);
        if (s == null) {
            throw new DefinitionException(spec.file(), 0, 0, "streams", "no stream `" + name + "`",
                    "one of " + String.join(", ", spec.streams().keySet()),
                    Suggestions.nearest(name, spec.streams().keySet()), null);
        }
        return s;
    }

    private static DefinitionException at(StreamSpec s, String problem, String expected) {
        return Problems.translate(dev.inlet.declarative.internal.Errors.at(s.node(), problem, expected));
    }

    @Override
    public String toString() {
        return "BoundDefinition[" + spec.name() + " at " + baseUrl() + "]";
    }
}
