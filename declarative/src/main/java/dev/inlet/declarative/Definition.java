package dev.inlet.declarative;

import dev.inlet.declarative.internal.BindSettings;
import dev.inlet.declarative.internal.DefinitionSpec;
import dev.inlet.declarative.internal.MetricSpec;
import dev.inlet.declarative.internal.Resolver;
import dev.inlet.declarative.internal.StreamSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, checked definition: one service's streams, metrics and webhooks, not yet bound to inputs or a
 * runtime. {@link #bind(Binding)} gives the connectors. Immutable and thread-safe; bind it as often as
 * needed (per tenant, per test).
 */
public final class Definition {

    private final DefinitionSpec spec;
    private final Path directory;
    private final List<StreamDefinition> streams;
    private final List<MetricDefinition> metrics;
    private final List<InputDefinition> inputs;

    Definition(DefinitionSpec spec, Path directory) {
        this.spec = spec;
        this.directory = directory;
        List<StreamDefinition> s = new ArrayList<>();
        for (StreamSpec stream : spec.streams().values()) {
            s.add(new StreamDefinition(stream));
        }
        this.streams = List.copyOf(s);
        List<MetricDefinition> m = new ArrayList<>();
        for (MetricSpec metric : spec.metrics()) {
            m.add(new MetricDefinition(metric));
        }
        this.metrics = List.copyOf(m);
        this.inputs = spec.inputs().values().stream().map(InputDefinition::new).toList();
    }

    /** The service's name ({@code stripe}); connectors are named {@code <name>-<stream>}. */
    public String name() {
        return spec.name();
    }

    /** What the definition covers, if it says. */
    public Optional<String> description() {
        return Optional.ofNullable(spec.description());
    }

    /** The base URL as written (placeholders unresolved). */
    public String baseUrl() {
        return spec.baseUrl().toString();
    }

    /** The file name it was loaded from (a path, a resource name or the caller's source name). */
    public String source() {
        return spec.file();
    }

    /** The names of the streams, in file order. */
    public List<String> streams() {
        return streams.stream().map(StreamDefinition::name).toList();
    }

    /** A stream by name. */
    public Optional<StreamDefinition> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The declared inputs, in file order. */
    public List<InputDefinition> inputs() {
        return inputs;
    }

    /** The metrics, in file order. */
    public List<MetricDefinition> metrics() {
        return metrics;
    }

    /** A metric by name. */
    public Optional<MetricDefinition> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The webhooks section, if the definition has one. */
    public Optional<WebhookDefinition> webhooks() {
        return Optional.ofNullable(spec.webhooks()).map(WebhookDefinition::new);
    }

    /**
     * Binds the definition: resolves its placeholders (inputs, environment, files) and builds the shared
     * credentials and rate limiter. Connectors are built on demand by the result.
     *
     * @throws DefinitionException if a placeholder does not resolve or a value does not fit its type,
     *     naming the placeholder's line
     */
    public BoundDefinition bind(Binding binding) {
        Objects.requireNonNull(binding, "binding");
        for (String given : binding.inputs().keySet()) {
            if (!spec.inputs().containsKey(given)) {
                throw new DefinitionException(spec.file(), 0, 0, "inputs", "input `" + given + "` is given but the"
                        + " definition declares no such input", spec.inputs().isEmpty() ? "no inputs"
                        : "one of " + String.join(", ", spec.inputs().keySet()),
                        dev.inlet.declarative.internal.Suggestions.nearest(given, spec.inputs().keySet()), null);
            }
        }
        for (InputDefinition input : inputs) {
            if (input.required() && !binding.inputs().containsKey(input.name())) {
                throw Problems.translate(dev.inlet.declarative.internal.Errors.at(input.node(),
                        "required input `" + input.name() + "` was not given",
                        "Binding.input(\"" + input.name() + "\", …)"));
            }
        }
        Path base = binding.baseDirectory().orElse(directory != null ? directory : Path.of("").toAbsolutePath());
        Resolver resolver = new Resolver(binding.environment(), base, binding.inputs(), spec.inputs());
        BindSettings settings = new BindSettings(resolver, binding.pipeline().orElse(null),
                binding.listener().orElse(null), binding.stateStore().orElse(null),
                binding.baseUrlOverride().orElse(null), binding.clock().orElse(null), binding.rateLimiters());
        return Problems.guard(() -> new BoundDefinition(this, spec, settings));
    }

    @Override
    public String toString() {
        return "Definition[" + spec.name() + " from " + spec.file() + ", streams=" + streams() + "]";
    }
}
