package dev.inlet.core.internal;

import java.util.Objects;
import dev.inlet.core.error.MissingDependencyException;

/** <b>Internal</b> (not API; see the package).
 * An optional library behind one feature, checked where the feature is first used: absent, the caller
 * gets a {@link MissingDependencyException} that names the artifact to add instead of a
 * {@code NoClassDefFoundError}. Immutable and thread-safe.
 */
public final class OptionalDependency {

    /** networknt's json-schema-validator 3.x (Jackson 3), needed by {@code JsonSchemaValidator}. */
    public static final OptionalDependency JSON_SCHEMA = new OptionalDependency("JSON Schema validation",
            "com.networknt:json-schema-validator:" + BuildInfo.jsonSchemaValidatorVersion(),
            // SchemaRegistry exists only from 3.0 on: the Jackson 2 line (1.x, which WireMock brings) has the
            // same package but not this class.
            "com.networknt.schema.SchemaRegistry");

    private final String feature;
    private final String artifact;
    private final String probeClass;

    /**
     * An optional dependency.
     *
     * @param feature the feature that needs it, for messages (e.g. {@code "XML decoding"})
     * @param artifact {@code groupId:artifactId:version} to add
     * @param probeClass a class only the right version of the artifact has
     */
    public OptionalDependency(String feature, String artifact, String probeClass) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.probeClass = Objects.requireNonNull(probeClass, "probeClass");
    }

    /**
     * A Jackson 3 dataformat module at the version of the jackson-databind on the classpath (Jackson
     * modules must match databind's version).
     *
     * @param feature the feature that needs it
     * @param artifactId e.g. {@code jackson-dataformat-xml}
     * @param probeClass a class of the module
     */
    public static OptionalDependency jacksonModule(String feature, String artifactId, String probeClass) {
        return new OptionalDependency(feature, "tools.jackson.dataformat:" + artifactId + ":"
                + JacksonCompatibility.databindVersion(), probeClass);
    }

    /**
     * Checks that the library is there, looking it up from {@code loader}.
     *
     * @throws MissingDependencyException if it is not
     */
    public void require(ClassLoader loader) {
        try {
            Class.forName(probeClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MissingDependencyException(feature, artifact, e);
        }
    }

    /** Checks that the library is there, looking it up from Inlet's own class loader. */
    public void require() {
        require(OptionalDependency.class.getClassLoader());
    }

    /** The artifact to add, {@code groupId:artifactId:version}. */
    public String artifact() {
        return artifact;
    }

    @Override
    public String toString() {
        return "OptionalDependency[" + feature + ": " + artifact + "]";
    }
}
