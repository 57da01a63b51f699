package dev.inlet.declarative;

import dev.inlet.core.state.CursorFormat;
import dev.inlet.declarative.internal.StreamSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One stream of a {@link Definition} as written: what it requests, where its records are, how it pages
 * and syncs. For listings and tools (the CLI's {@code streams}); the connector comes from
 * {@link BoundDefinition#connector(String)}. Immutable.
 */
public final class StreamDefinition {

    private final StreamSpec spec;

    StreamDefinition(StreamSpec spec) {
        this.spec = spec;
    }

    /** The stream's name. */
    public String name() {
        return spec.name();
    }

    /** What it holds, if the definition says. */
    public Optional<String> description() {
        return Optional.ofNullable(spec.description());
    }

    /** Whether it is a GraphQL stream (a Relay connection) rather than a REST one. */
    public boolean isGraphQl() {
        return spec.graphql() != null;
    }

    /** {@code GET} or {@code POST}. */
    public String method() {
        return spec.method();
    }

    /** The path as written (placeholders unresolved). */
    public String path() {
        return spec.path().toString();
    }

    /** The JSON Pointer of the records array, if not the body's root (REST streams). */
    public Optional<String> records() {
        return Optional.ofNullable(spec.records());
    }

    /** The JSON Pointer of the records' primary key, if declared. */
    public Optional<String> primaryKey() {
        return Optional.ofNullable(spec.primaryKey());
    }

    /** The paginator's type ({@code offset}, {@code body_cursor}, … or {@code none}; {@code relay} for GraphQL). */
    public String paginator() {
        return isGraphQl() ? "relay" : spec.paginator().type();
    }

    /** The incremental cursor field (a JSON Pointer), if the stream is incremental. */
    public Optional<String> cursorField() {
        return Optional.ofNullable(spec.incremental()).map(i -> i.cursorField());
    }

    /** How the incremental cursor is written ({@code format:}, default ISO), if the stream is incremental. */
    public Optional<CursorFormat> cursorFormat() {
        return Optional.ofNullable(spec.incremental()).map(i -> i.format());
    }

    /** How far before the greatest cursor the next run starts ({@code lookback:}), if the stream is incremental. */
    public Optional<Duration> lookback() {
        return Optional.ofNullable(spec.incremental()).map(i -> i.lookback());
    }

    /** The parent stream, if this is a substream. */
    public Optional<String> parent() {
        return Optional.ofNullable(spec.parent()).map(p -> p.stream());
    }

    /**
     * The fields the stream's schema or rules declare: JSON Pointer to JSON type ({@code string},
     * {@code number}, … or {@code any}); empty without validation.
     */
    public Map<String, String> fields() {
        return spec.validation() == null ? Map.of() : Map.copyOf(spec.validation().fields());
    }

    @Override
    public String toString() {
        return "Stream[" + name() + " " + method() + " " + path() + ", paginator=" + paginator() + "]";
    }
}
