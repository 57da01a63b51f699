package dev.inlet.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions this Inlet was built and tested with, written into the jar by the build. Dependency
 * errors name exact artifacts ({@code group:artifact:version}) from here, so the advice matches the
 * release the user runs.
 */
final class BuildInfo {

    private static final Properties VERSIONS = load();

    private BuildInfo() {
    }

    /** Inlet's own version, e.g. {@code 0.1.0}. */
    static String inletVersion() {
        return get("inlet.version");
    }

    /** The Jackson 3 version Inlet was built and tested with. */
    static String jacksonVersion() {
        return get("jackson.version");
    }

    /** The {@code jackson-annotations} version that Jackson release comes with. */
    static String jacksonAnnotationsVersion() {
        return get("jackson-annotations.version");
    }

    /** The networknt {@code json-schema-validator} version Inlet was built and tested with. */
    static String jsonSchemaValidatorVersion() {
        return get("json-schema-validator.version");
    }

    private static String get(String key) {
        String value = VERSIONS.getProperty(key);
        // Unfiltered (run from an IDE without Maven's resource step): say so rather than print ${...}.
        return value == null || value.startsWith("${") ? "(the version in dev.inlet:inlet-bom)" : value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("inlet-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Inlet's own inlet-build.properties", e);
        }
        return properties;
    }
}
