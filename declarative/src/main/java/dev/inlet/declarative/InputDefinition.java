package dev.inlet.declarative;

import dev.inlet.declarative.internal.InputSpec;
import dev.inlet.declarative.internal.Node;
import java.util.Optional;

/**
 * A declared input of a definition ({@code inputs:}): a value the caller passes when binding, such as a
 * start date, a store's domain or an API key. Immutable.
 */
public final class InputDefinition {

    private final InputSpec spec;

    InputDefinition(InputSpec spec) {
        this.spec = spec;
    }

    /** The name, as {@code ${input:name}} references it. */
    public String name() {
        return spec.name();
    }

    /** The type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code date}, {@code date_time} or {@code secret}. */
    public String type() {
        return spec.type().written();
    }

    /** Whether binding without it is an error (true unless a default is declared or {@code required: false}). */
    public boolean required() {
        return spec.required();
    }

    /** The default, if declared (never for a secret). */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(spec.defaultValue());
    }

    /** What it is, if the definition says. */
    public Optional<String> description() {
        return Optional.ofNullable(spec.description());
    }

    /** Whether it holds a secret (never shown, only sent as a credential). */
    public boolean isSecret() {
        return "secret".equals(type());
    }

    Node node() {
        return spec.node();
    }

    @Override
    public String toString() {
        return "Input[" + name() + ": " + type() + "]";
    }
}
