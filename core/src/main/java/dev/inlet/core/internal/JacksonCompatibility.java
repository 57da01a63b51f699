package dev.inlet.core.internal;

import java.util.Optional;
import dev.inlet.core.error.IncompatibleDependencyException;

/** <b>Internal</b> (not API; see the package).
 * Checks, once, that the Jackson on the classpath can work, before Inlet first builds a mapper. Jackson 3
 * ({@code tools.jackson}) still uses the Jackson 2 artifact {@code com.fasterxml.jackson.core:jackson-annotations},
 * and Jackson 3.N needs annotations 2.(20+N) or later. Maven's nearest-wins mediation often picks an older
 * one (WireMock's, or Spring Boot 3's dependency management), and Jackson then fails with a
 * {@code NoClassDefFoundError} on an annotation class. Here it fails with a message that names the
 * artifacts, the versions found and the fix.
 */
public final class JacksonCompatibility {

    /** The oldest Jackson 3 minor Inlet is tested with (Spring Boot 4.0 manages 3.1). */
    static final int MIN_MINOR = 1;

    private static final String FIX = "Import dev.inlet:inlet-bom:" + BuildInfo.inletVersion()
            + " (type pom, scope import) in <dependencyManagement>, before any other BOM such as Spring Boot's; or "
            + "declare com.fasterxml.jackson.core:jackson-annotations:" + BuildInfo.jacksonAnnotationsVersion()
            + " (and tools.jackson.core:jackson-core and jackson-databind " + BuildInfo.jacksonVersion()
            + ") directly in your pom. 'mvn dependency:tree -Dincludes=com.fasterxml.jackson.core,tools.jackson.core' "
            + "shows which dependency chose the old version";

    /** Null when compatible; else what is wrong (a fresh exception is made for each caller). */
    private static final Problem PROBLEM = findProblem();

    private JacksonCompatibility() {
    }

    /**
     * Throws if the Jackson on the classpath cannot work with Inlet.
     *
     * @throws IncompatibleDependencyException naming the artifacts, the versions found and the fix
     */
    public static void require() {
        if (PROBLEM != null) {
            throw new IncompatibleDependencyException(PROBLEM.message, FIX, PROBLEM.cause);
        }
    }

    /** The version of the jackson-databind on the classpath, e.g. {@code 3.3.0}. */
    static String databindVersion() {
        return tools.jackson.databind.cfg.PackageVersion.VERSION.toString();
    }

    private record Problem(String message, Throwable cause) {
    }

    private static Problem findProblem() {
        tools.jackson.core.Version databind = tools.jackson.databind.cfg.PackageVersion.VERSION;
        tools.jackson.core.Version core = tools.jackson.core.json.PackageVersion.VERSION;
        String found = "found tools.jackson.core:jackson-databind:" + databind + ", jackson-core:" + core
                + " and com.fasterxml.jackson.core:jackson-annotations:" + annotationsVersion().orElse("(unknown)");
        if (databind.getMajorVersion() != 3 || databind.getMinorVersion() < MIN_MINOR) {
            return new Problem("Inlet needs Jackson 3." + MIN_MINOR + " or later (built with " + BuildInfo.jacksonVersion()
                    + "); " + found, null);
        }
        if (core.getMajorVersion() != databind.getMajorVersion() || core.getMinorVersion() != databind.getMinorVersion()) {
            return new Problem("jackson-core and jackson-databind must be the same 3.x release; " + found, null);
        }
        int neededAnnotations = 20 + databind.getMinorVersion();
        Optional<Integer> annotationsMinor = annotationsVersion().flatMap(JacksonCompatibility::minorOf);
        if (annotationsMinor.isPresent() && annotationsMinor.get() < neededAnnotations) {
            return new Problem("jackson-databind " + databind + " needs com.fasterxml.jackson.core:jackson-annotations 2."
                    + neededAnnotations + " or later, but the build chose " + annotationsVersion().get()
                    + " (usually another dependency's older copy won Maven's nearest-wins mediation); " + found, null);
        }
        try {
            // The class whose initialisation fails with NoClassDefFoundError when annotations are too old.
            Class.forName("tools.jackson.databind.introspect.JacksonAnnotationIntrospector", true,
                    JacksonCompatibility.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Problem("Jackson cannot start: " + e + "; " + found, e);
        }
        return null;
    }

    /** The version of jackson-annotations from its jar's manifest, if it is there and says. */
    static Optional<String> annotationsVersion() {
        try {
            Package annotations = com.fasterxml.jackson.annotation.JsonProperty.class.getPackage();
            return Optional.ofNullable(annotations == null ? null : annotations.getImplementationVersion());
        } catch (LinkageError e) {
            return Optional.of("(missing)");
        }
    }

    /** 23 for "2.23" or "2.23.1"; empty for anything else. */
    static Optional<Integer> minorOf(String version) {
        String[] parts = version.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
