package dev.inlet.declarative.internal;

/**
 * <b>Internal.</b> A problem in a definition file, as the loader finds it: where, what, what was
 * expected and a suggestion. The public API turns it into a {@code DefinitionException} (this package
 * is a layer below the API package and cannot name it).
 */
public final class DefinitionProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Location location;
    private final String path;
    private final String problem;
    private final String expected;
    private final String suggestion;

    /** A problem at a location; {@code expected}, {@code suggestion} and {@code cause} may be null. */
    public DefinitionProblem(Location location, String path, String problem, String expected, String suggestion,
            Throwable cause) {
        super(location + ": " + path + ": " + problem, cause, false, false);
        this.location = location;
        this.path = path == null ? "" : path;
        // One line: tools print errors one a line (a regex or schema library's message may span several).
        this.problem = problem.replaceAll("\\s*\\R\\s*", " ");
        this.expected = expected;
        this.suggestion = suggestion;
    }

    /** Where. */
    public Location location() {
        return location;
    }

    /** The JSON path. */
    public String path() {
        return path;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What was expected, or null. */
    public String expected() {
        return expected;
    }

    /** The suggestion, or null. */
    public String suggestion() {
        return suggestion;
    }
}
