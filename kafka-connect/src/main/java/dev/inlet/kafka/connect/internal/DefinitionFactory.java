package dev.inlet.kafka.connect.internal;

import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Catalogue;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.DefinitionException;
import dev.inlet.declarative.Definitions;
import dev.inlet.declarative.StreamDefinition;
import dev.inlet.kafka.connect.InletConnectorFactory;
import dev.inlet.kafka.connect.StreamSource;
import dev.inlet.kafka.connect.Tenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * <b>Internal</b>: the factory of {@code inlet.definition}: a declarative definition (a file, or
 * {@code catalogue:<service>}) bound once per tenant, the tenant's inputs and secrets being the
 * definition's inputs.
 *
 * <p>Each rate-limit key (vendor account) gets its own {@link RateLimiters} registry: a definition
 * keeps its limiter under {@code <name>:<host>}, so with the process-wide registry every tenant on one
 * host (one vendor API, many accounts) would share one budget. All streams of a key run in one task,
 * which holds one instance of this factory, so the key's budget is held in one place.
 */
public final class DefinitionFactory implements InletConnectorFactory {

    /** The prefix of a catalogue entry in {@code inlet.definition}. */
    public static final String CATALOGUE = "catalogue:";

    private final Definition definition;
    private final List<String> streams;
    private final String baseUrl;
    private final String keyInput;
    private final Map<String, RateLimiters> limitersByKey = new ConcurrentHashMap<>();

    /**
     * Loads and checks the definition and the stream names.
     *
     * @param source a file path, or {@code catalogue:<service>}
     * @param streams the streams to read; empty for every top-level stream
     * @param baseUrl a base URL replacing the definition's, or empty
     * @param keyInput the tenant input naming the rate-limit key, or empty for the tenant id
     * @throws ConfigException naming {@code inlet.definition} or {@code inlet.streams} and the problem
     */
    public DefinitionFactory(String source, List<String> streams, String baseUrl, String keyInput) {
        this.definition = load(source);
        this.baseUrl = baseUrl;
        this.keyInput = keyInput;
        List<String> chosen = new ArrayList<>();
        if (streams.isEmpty()) {
            definition.streams().stream().filter(s -> definition.stream(s).flatMap(StreamDefinition::parent).isEmpty())
                    .forEach(chosen::add);
        } else {
            for (String name : streams) {
                StreamDefinition stream = definition.stream(name).orElseThrow(() -> new ConfigException(
                        SourceConfig.STREAMS, String.join(",", streams), "definition '" + definition.name()
                                + "' has no stream '" + name + "'; its streams are " + definition.streams()));
                if (stream.parent().isPresent()) {
                    throw new ConfigException(SourceConfig.STREAMS, String.join(",", streams), "stream '" + name
                            + "' is a substream of '" + stream.parent().get() + "', which Kafka Connect cannot "
                            + "resume by position; list top-level streams only");
                }
                chosen.add(name);
            }
        }
        this.streams = List.copyOf(chosen);
    }

    private static Definition load(String source) {
        try {
            if (source.startsWith(CATALOGUE)) {
                return Catalogue.load(source.substring(CATALOGUE.length()).trim());
            }
            return Definitions.load(Path.of(source));
        } catch (DefinitionException e) {
            throw new ConfigException(SourceConfig.DEFINITION_SOURCE, source, e.getMessage());
        }
    }

    /** The definition in use. */
    public Definition definition() {
        return definition;
    }

    /**
     * Binds the definition to the tenant: its inputs, and its secrets as the inputs of the same names
     * (the input named by {@code inlet.rate.limit.key.input} is left out when the definition does not
     * declare it).
     *
     * @throws IllegalArgumentException with the definition's message (which never quotes a secret)
     */
    @Override
    public List<StreamSource> streams(Tenant tenant) {
        String key = keyInput.isEmpty() ? tenant.id() : tenant.requireInput(keyInput);
        Map<String, String> inputs = new LinkedHashMap<>(tenant.inputs());
        tenant.secretNames().forEach(name -> inputs.put(name, tenant.requireSecret(name).reveal()));
        boolean declared = definition.inputs().stream().anyMatch(i -> i.name().equals(keyInput));
        if (!keyInput.isEmpty() && !declared) {
            inputs.remove(keyInput);
        }
        Binding.Builder binding = Binding.builder().inputs(inputs)
                .rateLimiters(limitersByKey.computeIfAbsent(key, k -> RateLimiters.create()));
        if (!baseUrl.isEmpty()) {
            binding.baseUrlOverride(baseUrl);
        }
        BoundDefinition bound;
        try {
            bound = definition.bind(binding.build());
        } catch (DefinitionException e) {
            throw new IllegalArgumentException("definition '" + definition.name() + "': " + e.getMessage(), e);
        }
        List<StreamSource> sources = new ArrayList<>();
        for (String name : streams) {
            StreamSource.Builder source;
            try {
                source = StreamSource.builder(name, bound.connector(name)).rateLimitKey(key);
            } catch (DefinitionException e) {
                throw new IllegalArgumentException("definition '" + definition.name() + "', stream '" + name + "': "
                        + e.getMessage(), e);
            }
            definition.stream(name).flatMap(StreamDefinition::primaryKey).ifPresent(source::keyPointer);
            sources.add(source.build());
        }
        return sources;
    }

    @Override
    public String toString() {
        return "DefinitionFactory[" + definition.name() + ", streams=" + streams + "]";
    }
}
