package dev.inlet.cli.internal;

import dev.inlet.core.InletListener;
import dev.inlet.declarative.Binding;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.Definitions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The definition file and how it is bound: {@code FILE [--input k=v]... [--base-url URL]}. */
final class DefinitionOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The definition file (YAML or JSON).")
    Path file;

    @Option(names = "--input", paramLabel = "NAME=VALUE",
            description = "A value for an input the definition declares (repeatable).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Send requests here instead of the definition's base_url (a local fake, a proxy).")
    String baseUrl;

    Definition load() {
        return Definitions.load(file);
    }

    /** Binds the definition with the environment, the inputs and the base URL given, and a listener. */
    BoundDefinition bind(Definition definition, InletListener listener) {
        return definition.bind(builder(listener).build());
    }

    Binding.Builder builder(InletListener listener) {
        Binding.Builder builder = Binding.builder().inputs(inputs).listener(listener);
        if (baseUrl != null) {
            builder.baseUrlOverride(baseUrl);
        }
        return builder;
    }
}
