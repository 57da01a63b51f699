package dev.inlet.declarative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The definitions that ship with Inlet for popular services (Stripe, Shopify, HubSpot, GitHub, …), as
 * classpath resources under {@code dev/inlet/declarative/catalogue/<service>.yaml}, listed in
 * {@code dev/inlet/declarative/catalogue/index.txt}. Point one at a local fake with
 * {@link Binding.Builder#baseUrlOverride(String)}.
 *
 * <pre>{@code
 * BoundDefinition stripe = Catalogue.load("stripe").bind(Binding.builder()
 *         .environment(name -> Optional.of(System.getenv(name)))
 *         .build());
 * }</pre>
 */
public final class Catalogue {

    /** The classpath folder of the entries. */
    public static final String FOLDER = "dev/inlet/declarative/catalogue/";

    private Catalogue() {
    }

    /** The services in the catalogue, sorted. */
    public static List<String> names() {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(FOLDER + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + FOLDER + "index.txt");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a catalogue entry.
     *
     * @param service the service's name, e.g. {@code "stripe"}
     * @throws DefinitionException if there is no such entry (with the nearest name as suggestion)
     */
    public static Definition load(String service) {
        List<String> names = names();
        if (!names.contains(service)) {
            throw new DefinitionException(FOLDER + service + ".yaml", 0, 0, "", "no catalogue entry `" + service + "`",
                    "one of " + String.join(", ", names),
                    dev.inlet.declarative.internal.Suggestions.nearest(service, names), null);
        }
        return Definitions.loadResource(FOLDER + service + ".yaml");
    }
}
