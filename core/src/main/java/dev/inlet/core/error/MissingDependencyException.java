package dev.inlet.core.error;

/**
 * A feature was used whose library is not on the classpath. Inlet keeps what only some users need
 * (JSON Schema validation, XML and CSV decoding) as optional dependencies, so that nobody carries a
 * stack they do not use; the message names the feature and the exact artifact to add.
 */
public class MissingDependencyException extends InletException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final String artifact;

    /**
     * An exception for a missing optional dependency.
     *
     * @param feature what the caller tried to use, e.g. {@code "XML decoding"}
     * @param artifact the artifact to add, {@code groupId:artifactId:version}
     * @param cause the class-loading failure, or null
     */
    public MissingDependencyException(String feature, String artifact, Throwable cause) {
        super(feature + " needs " + artifact + ", which is not on the classpath",
                "Add the dependency " + artifact + " to your build (Maven: <groupId>" + part(artifact, 0)
                        + "</groupId><artifactId>" + part(artifact, 1) + "</artifactId>; its version is managed by "
                        + "dev.inlet:inlet-bom)", cause);
        this.feature = feature;
        this.artifact = artifact;
    }

    /** What the caller tried to use, e.g. {@code "XML decoding"}. */
    public String feature() {
        return feature;
    }

    /** The artifact to add, {@code groupId:artifactId:version}. */
    public String artifact() {
        return artifact;
    }

    private static String part(String coordinates, int index) {
        String[] parts = coordinates.split(":");
        return index < parts.length ? parts[index] : coordinates;
    }
}
