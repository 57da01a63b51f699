package dev.inlet.declarative;

import dev.inlet.declarative.internal.DefinitionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads definitions: YAML or JSON files that describe a service's REST and GraphQL streams, metrics and
 * webhooks ({@code docs/definitions.md} is the format's reference).
 *
 * <pre>{@code
 * Definition stripe = Definitions.load(Path.of("stripe.yaml"));
 * BoundDefinition bound = stripe.bind(Binding.builder()
 *         .input("start_date", "2026-01-01")
 *         .build());
 * try (Stream<JsonNode> charges = bound.connector("charges").records()) {
 *     charges.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Loading reads and checks the whole file: every key (an unknown one is an error with the nearest
 * known key as suggestion), every value's type, shared blocks, inline schemas (compiled), metrics
 * (against their stream's fields) and every placeholder's form; nothing is resolved and nothing is
 * sent. Any problem is a {@link DefinitionException} naming the file, line, column and JSON path.
 * Stateless and thread-safe.
 */
public final class Definitions {

    /** The classpath resource of the format's JSON Schema. */
    public static final String SCHEMA_RESOURCE = "dev/inlet/declarative/inlet-definition.schema.json";

    /** The format version this library reads ({@code inlet: 1}). */
    public static final int FORMAT_VERSION = DefinitionParser.VERSION;

    private Definitions() {
    }

    /**
     * Loads a definition file; its name in errors is the path as given. Placeholders {@code ${file:…}}
     * resolve relative to the file's directory unless the binding names another.
     *
     * @throws DefinitionException if the file is missing, unreadable or not a valid definition
     */
    public static Definition load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DefinitionException(name, 0, 0, "", "the file does not exist", "a definition file", null, e);
        } catch (IOException e) {
            throw new DefinitionException(name, 0, 0, "", "cannot read the file: " + e.getMessage(), null, null, e);
        }
        Path directory = file.toAbsolutePath().getParent();
        return new Definition(Problems.guard(() -> DefinitionParser.parse(in, name)), directory);
    }

    /**
     * Loads a definition from a stream (read to its end and closed).
     *
     * @param in the YAML or JSON text
     * @param sourceName the name errors give the file (e.g. {@code "stripe.yaml"})
     * @throws DefinitionException if it is not a valid definition
     */
    public static Definition load(InputStream in, String sourceName) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        return new Definition(Problems.guard(() -> DefinitionParser.parse(in, sourceName)), null);
    }

    /**
     * Loads a definition from the classpath (this library's class loader, then the thread's).
     *
     * @param resource the resource name, e.g. {@code "definitions/acme.yaml"}
     * @throws DefinitionException if there is no such resource or it is not a valid definition
     */
    public static Definition loadResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = Definitions.class.getClassLoader().getResourceAsStream(name);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new DefinitionException(name, 0, 0, "", "no such classpath resource", "a definition on the classpath",
                    null, null);
        }
        InputStream stream = in;
        return new Definition(Problems.guard(() -> DefinitionParser.parse(stream, name)), null);
    }

    /**
     * The format's JSON Schema (draft 2020-12), for editors (VS Code YAML, IntelliJ) and for checking
     * files outside Java. It describes the shape; the loader checks more (references, metrics, secrets).
     */
    public static String schema() {
        try (InputStream in = Definitions.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
