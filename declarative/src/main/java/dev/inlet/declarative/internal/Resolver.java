package dev.inlet.declarative.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * <b>Internal.</b> Resolves placeholders when a definition is bound: {@code env} from the binding's
 * environment, {@code file} relative to its base directory (trailing newlines dropped, at most 1 MiB),
 * {@code input} from the binding's inputs, else the input's declared default. Each value is checked
 * against its type. A value that does not resolve is an error at the placeholder; a secret's value is
 * never quoted.
 */
public final class Resolver {

    private static final int MAX_FILE_BYTES = 1 << 20;

    private final Function<String, Optional<String>> environment;
    private final Path baseDirectory;
    private final Map<String, String> inputs;
    private final Map<String, InputSpec> declared;
    private final JsonNode parent;

    /** A resolver over the binding's sources. */
    public Resolver(Function<String, Optional<String>> environment, Path baseDirectory, Map<String, String> inputs,
            Map<String, InputSpec> declared) {
        this.environment = environment;
        this.baseDirectory = baseDirectory;
        this.inputs = inputs;
        this.declared = declared;
        this.parent = null;
    }

    private Resolver(Resolver base, JsonNode parent) {
        this.environment = base.environment;
        this.baseDirectory = base.baseDirectory;
        this.inputs = base.inputs;
        this.declared = base.declared;
        this.parent = parent;
    }

    /** This resolver with a parent record for {@code ${parent:/pointer}} (a substream's child request). */
    public Resolver withParent(JsonNode parentRecord) {
        return new Resolver(this, parentRecord);
    }

    /** The value of one reference written at a node. */
    public String resolve(Node at, Template.Reference reference) {
        return resolve(at, reference, false);
    }

    /** The value of a secret's reference: like {@link #resolve(Node, Template.Reference)}, never quoted. */
    public String resolveSecret(Node at, Template.Reference reference) {
        return resolve(at, reference, true);
    }

    private String resolve(Node at, Template.Reference reference, boolean secret) {
        ValueType type = reference.type();
        String value;
        switch (reference.kind()) {
            case "env" -> {
                Optional<String> found = environment.apply(reference.name());
                if (found == null || found.isEmpty()) {
                    throw Errors.at(at, "environment variable " + reference.name() + " is not set (" + reference.text()
                            + ")", "the variable set, or the value passed as an input", null);
                }
                value = found.get();
            }
            case "file" -> value = readFile(at, reference);
            case "parent" -> {
                JsonNode field = parent == null ? null : parent.at(reference.name());
                if (field == null || field.isMissingNode() || field.isNull() || field.isContainer()) {
                    throw Errors.at(at, reference.text() + ": the parent record has no value at " + reference.name(),
                            "a parent field that every parent record has (a scalar)", null);
                }
                value = field.asString();
            }
            default -> {
                InputSpec spec = declared.get(reference.name());
                type = spec.type();
                value = inputs.get(reference.name());
                if (value == null) {
                    value = spec.defaultValue();
                }
                if (value == null) {
                    throw Errors.at(at, "input `" + reference.name() + "` was not given (" + reference.text() + ")",
                            "Binding.input(\"" + reference.name() + "\", …) or --input " + reference.name() + "=…",
                            null);
                }
            }
        }
        if (!type.accepts(value)) {
            String shown = secret || type == ValueType.SECRET ? " a value (not shown: a secret)"
                    : " \"" + value + "\"";
            throw Errors.at(at, reference.text() + " resolved to" + shown + ", which is not " + article(type),
                    type.written(), null);
        }
        return value;
    }

    private static String article(ValueType type) {
        return switch (type) {
            case INTEGER -> "an integer";
            case DATE -> "an ISO-8601 date (2026-01-31)";
            case DATE_TIME -> "an ISO-8601 date-time (2026-01-31T00:00:00Z)";
            default -> "a " + type.written();
        };
    }

    private String readFile(Node at, Template.Reference reference) {
        Path path = baseDirectory.resolve(reference.name());
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw Errors.at(at, "file " + path + " of " + reference.text() + " is larger than 1 MiB",
                        "a small file holding one value", null);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.replaceAll("[\\r\\n]+$", "");
        } catch (NoSuchFileException e) {
            throw Errors.at(at, "file " + path + " of " + reference.text() + " does not exist",
                    "a path relative to the binding's base directory", null);
        } catch (IOException e) {
            throw Errors.at(at, "cannot read file " + path + " of " + reference.text() + ": " + e.getMessage(),
                    "a readable file", null);
        }
    }
}
