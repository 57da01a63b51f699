package dev.inlet.core.error;

/**
 * A library Inlet needs is on the classpath in a version that cannot work, typically because the build's
 * dependency mediation chose another dependency's older copy (WireMock's, or Spring Boot 3's managed
 * {@code jackson-annotations}). Thrown on first use instead of a {@code NoClassDefFoundError} deep inside
 * Jackson; the message names what was found, what is needed and how to fix the build.
 */
public class IncompatibleDependencyException extends InletException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception for an incompatible dependency.
     *
     * @param message what was found and what is needed
     * @param hint how to fix the build
     * @param cause the linkage failure, or null
     */
    public IncompatibleDependencyException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
