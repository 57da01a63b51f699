package dev.inlet.declarative.internal;

/** <b>Internal.</b> Builds {@link DefinitionProblem}s at a node or a key of a definition file. */
public final class Errors {

    private Errors() {
    }

    /** A problem with a value. */
    public static DefinitionProblem at(Node node, String problem, String expected) {
        return at(node.location(), node.path(), problem, expected, null);
    }

    /** A problem with a value, with a suggestion. */
    public static DefinitionProblem at(Node node, String problem, String expected, String suggestion) {
        return at(node.location(), node.path(), problem, expected, suggestion);
    }

    /** A problem at a location. */
    public static DefinitionProblem at(Location location, String path, String problem, String expected,
            String suggestion) {
        return new DefinitionProblem(location, path, problem, expected, suggestion, null);
    }

    /** A problem with the whole file (line and column 0). */
    public static DefinitionProblem file(String file, String problem, String expected, Throwable cause) {
        return new DefinitionProblem(new Location(file, 0, 0), "", problem, expected, null, cause);
    }
}
