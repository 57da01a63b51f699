package dev.inlet.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One entry of a GraphQL response's {@code errors} list (or a problem found by local validation).
 *
 * @param message what the server said
 * @param path where in the result the error happened, if it concerns a field
 * @param locations where in the document, if the server said
 * @param extensions the error's {@code extensions} object (empty if none); a read-only view
 * @param code {@code extensions.code}, or GitHub's top-level {@code type}, if either is present
 */
public record GraphQlError(String message, Optional<GraphQlPath> path, List<Location> locations,
        JsonNode extensions, Optional<String> code) {

    /** Copies the list; checks that nothing is null. */
    public GraphQlError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
        locations = List.copyOf(locations);
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(code, "code");
    }

    /**
     * Reads one element of a response's {@code errors} array. Tolerant: a malformed path or location
     * is left out rather than failing the whole response.
     */
    static GraphQlError from(JsonNode error) {
        JsonNode messageNode = error.get("message");
        String message = messageNode == null || messageNode.isNull() ? "(no message)"
                : messageNode.isString() ? messageNode.asString() : messageNode.toString();
        JsonNode extensions = error.get("extensions");
        if (extensions == null || !extensions.isObject()) {
            extensions = JsonNodeFactory.instance.objectNode();
        }
        Optional<String> code = text(extensions.get("code")).or(() -> text(error.get("type")));
        return new GraphQlError(message, pathOf(error.get("path")), locationsOf(error.get("locations")), extensions,
                code);
    }

    /** Whether the error concerns this path or a place inside it ({@code [*]} matches any index). */
    public boolean isAtOrUnder(GraphQlPath prefix) {
        return path.isPresent() && path.get().startsWith(prefix);
    }

    /** One line: code, message, path and first location. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        code.ifPresent(c -> out.append(c).append(": "));
        out.append(message);
        path.ifPresent(p -> out.append(" (at ").append(p.isRoot() ? "data" : p.toString()).append(')'));
        if (!locations.isEmpty()) {
            out.append(" (line ").append(locations.get(0).line()).append(", column ")
                    .append(locations.get(0).column()).append(')');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "GraphQlError[" + describe() + "]";
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static Optional<GraphQlPath> pathOf(JsonNode path) {
        if (path == null || !path.isArray()) {
            return Optional.empty();
        }
        List<Object> segments = new ArrayList<>(path.size());
        for (JsonNode segment : path) {
            if (segment.isInt() && segment.asInt() >= 0) {
                segments.add(segment.asInt());
            } else if (segment.isString() && !segment.asString().isEmpty()) {
                segments.add(segment.asString());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(GraphQlPath.of(segments));
    }

    private static List<Location> locationsOf(JsonNode locations) {
        if (locations == null || !locations.isArray()) {
            return List.of();
        }
        List<Location> out = new ArrayList<>(locations.size());
        for (JsonNode location : locations) {
            JsonNode line = location.get("line");
            JsonNode column = location.get("column");
            if (line != null && line.isInt() && column != null && column.isInt()) {
                out.add(new Location(line.asInt(), column.asInt()));
            }
        }
        return out;
    }

    /**
     * A place in a GraphQL document.
     *
     * @param line the 1-based line
     * @param column the 1-based column
     */
    public record Location(int line, int column) {

        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }
}
