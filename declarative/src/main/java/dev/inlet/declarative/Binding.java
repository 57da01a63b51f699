package dev.inlet.declarative;

import dev.inlet.core.InletListener;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link Definition} is bound to: the values of its placeholders and the runtime its connectors
 * run on. Immutable and thread-safe; built by a {@link Builder}, which is not.
 *
 * <p>Placeholders resolve from here: {@code ${input:name}} from {@link Builder#inputs}, else the input's
 * declared default; {@code ${env:NAME}} from {@link Builder#environment} (default: the process
 * environment); {@code ${file:path}} relative to {@link Builder#baseDirectory} (default: the definition
 * file's directory, else the working directory).
 *
 * <p>Defaults: no inputs; {@code System::getenv}; each connector's default pipeline
 * ({@code HttpPipeline.defaults()} with the definition's credentials, rate limit and retry policy); no
 * listener; no state store (needed only by incremental streams); the definition's base URL; the system
 * UTC clock; the process-wide {@code RateLimiters.global()} registry.
 */
public final class Binding {

    private final Map<String, String> inputs;
    private final Function<String, Optional<String>> environment;
    private final Path baseDirectory;
    private final HttpPipeline pipeline;
    private final InletListener listener;
    private final StateStore stateStore;
    private final String baseUrlOverride;
    private final Clock clock;
    private final RateLimiters rateLimiters;

    private Binding(Builder b) {
        this.inputs = Map.copyOf(b.inputs);
        this.environment = b.environment;
        this.baseDirectory = b.baseDirectory;
        this.pipeline = b.pipeline;
        this.listener = b.listener;
        this.stateStore = b.stateStore;
        this.baseUrlOverride = b.baseUrlOverride;
        this.clock = b.clock;
        this.rateLimiters = b.rateLimiters;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /** A binding with every default (no inputs). */
    public static Binding defaults() {
        return builder().build();
    }

    /** The inputs by name. */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** Where {@code ${env:…}} resolves. */
    public Function<String, Optional<String>> environment() {
        return environment;
    }

    /** The directory {@code ${file:…}} resolves against, if set. */
    public Optional<Path> baseDirectory() {
        return Optional.ofNullable(baseDirectory);
    }

    /** The pipeline connectors build on, if set. */
    public Optional<HttpPipeline> pipeline() {
        return Optional.ofNullable(pipeline);
    }

    /** The listener, if set. */
    public Optional<InletListener> listener() {
        return Optional.ofNullable(listener);
    }

    /** The state store of incremental streams, if set. */
    public Optional<StateStore> stateStore() {
        return Optional.ofNullable(stateStore);
    }

    /** The base URL replacing the definition's, if set. */
    public Optional<String> baseUrlOverride() {
        return Optional.ofNullable(baseUrlOverride);
    }

    /** The clock, if set. */
    public Optional<Clock> clock() {
        return Optional.ofNullable(clock);
    }

    /** The registry the definition's rate limit is kept in. */
    public RateLimiters rateLimiters() {
        return rateLimiters;
    }

    @Override
    public String toString() {
        // Input values may be secrets: only their names are shown.
        return "Binding[inputs=" + inputs.keySet() + (baseUrlOverride == null ? "" : ", baseUrl=" + baseUrlOverride)
                + "]";
    }

    /** Builds a {@link Binding}. */
    public static final class Builder {

        private final Map<String, String> inputs = new LinkedHashMap<>();
        private Function<String, Optional<String>> environment = name -> Optional.ofNullable(System.getenv(name));
        private Path baseDirectory;
        private HttpPipeline pipeline;
        private InletListener listener;
        private StateStore stateStore;
        private String baseUrlOverride;
        private Clock clock;
        private RateLimiters rateLimiters = RateLimiters.global();

        private Builder() {
        }

        /** Adds inputs (replacing earlier values of the same names). */
        public Builder inputs(Map<String, String> values) {
            values.forEach(this::input);
            return this;
        }

        /** Adds one input. */
        public Builder input(String name, String value) {
            inputs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Where {@code ${env:NAME}} looks a variable up. Default: the process environment. */
        public Builder environment(Function<String, Optional<String>> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The directory {@code ${file:path}} resolves against. Default: the definition file's directory. */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The pipeline every connector builds on (the definition's credentials, limits and retries replace its own). */
        public Builder pipeline(HttpPipeline pipeline) {
            this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
            return this;
        }

        /** The listener of every connector. */
        public Builder listener(InletListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where incremental streams keep their cursors and positions. */
        public Builder stateStore(StateStore store) {
            this.stateStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * A base URL replacing the definition's: a local fake in tests and demos, a regional host, a
         * proxy. Credentials are bound to this origin then.
         */
        public Builder baseUrlOverride(String baseUrl) {
            this.baseUrlOverride = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The clock of connectors and incremental syncs. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The registry the definition's shared rate limiter is kept in (a test's own, a tenant's). */
        public Builder rateLimiters(RateLimiters registry) {
            this.rateLimiters = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The binding. */
        public Binding build() {
            return new Binding(this);
        }
    }
}
