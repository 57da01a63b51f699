package dev.inlet.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import dev.inlet.graphql.error.GraphQlException;

/**
 * A path into a GraphQL result, written the way you read the response: response keys (aliases
 * where the operation sets them) separated by dots, list indices in brackets, {@code [*]} for every
 * element of a list: {@code orders.edges[*].node}, {@code orders.edges[3].node.price}, {@code ""}
 * for the whole {@code data} object.
 *
 * <p>Error paths from the server ({@code ["orders", "edges", 3, "node", "price"]}) are the same
 * thing: {@link #of(List)} reads them, and {@link #startsWith(GraphQlPath)} matches them against a
 * path with wildcards. Immutable and thread-safe.
 */
public final class GraphQlPath {

    /** The segment that stands for every index of a list. */
    public static final String ANY_INDEX = "*";

    private static final GraphQlPath ROOT = new GraphQlPath(List.of());

    private final List<Object> segments;
    private final boolean definite;

    private GraphQlPath(List<Object> segments) {
        this.segments = Collections.unmodifiableList(segments);
        this.definite = !segments.contains(ANY_INDEX);
    }

    /** The path of the whole {@code data} object. */
    public static GraphQlPath root() {
        return ROOT;
    }

    /**
     * Reads a path such as {@code orders.edges[*].node}.
     *
     * @throws GraphQlException if the text is not a path, saying at which character
     */
    public static GraphQlPath parse(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            return ROOT;
        }
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            int start = i;
            if (!isNameStart(path.charAt(i))) {
                throw invalid(path, i, "a field name (letters, digits and '_', not starting with a digit)");
            }
            while (i < path.length() && isNamePart(path.charAt(i))) {
                i++;
            }
            out.add(path.substring(start, i));
            while (i < path.length() && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw invalid(path, i, "a closing ']'");
                }
                String inside = path.substring(i + 1, close);
                if (inside.equals(ANY_INDEX)) {
                    out.add(ANY_INDEX);
                } else if (!inside.isEmpty() && inside.length() < 10 && inside.chars().allMatch(Character::isDigit)) {
                    out.add(Integer.valueOf(inside));
                } else {
                    throw invalid(path, i + 1, "a list index or '*' inside the brackets");
                }
                i = close + 1;
            }
            if (i < path.length()) {
                if (path.charAt(i) != '.' || i + 1 == path.length()) {
                    throw invalid(path, i, i + 1 == path.length() && path.charAt(i) == '.'
                            ? "a field name after the '.'" : "'.' or '[' or the end");
                }
                i++;
            }
        }
        return new GraphQlPath(out);
    }

    /**
     * A path from its segments: field names as strings, indices as integers (the form of an error's
     * {@code path} in a response), and {@link #ANY_INDEX} for every index.
     *
     * @throws GraphQlException if a segment is neither a name nor a non-negative index
     */
    public static GraphQlPath of(List<?> segments) {
        Objects.requireNonNull(segments, "segments");
        List<Object> out = new ArrayList<>(segments.size());
        for (Object segment : segments) {
            if (segment instanceof Integer index && index >= 0) {
                out.add(index);
            } else if (segment instanceof String name && !name.isEmpty()) {
                out.add(name);
            } else {
                throw new GraphQlException("A GraphQL path segment must be a field name or a non-negative index, got "
                        + segment + " in " + segments, null);
            }
        }
        return out.isEmpty() ? ROOT : new GraphQlPath(out);
    }

    /** The segments: field names ({@code String}), indices ({@code Integer}) and {@link #ANY_INDEX}. */
    public List<Object> segments() {
        return segments;
    }

    /** Whether the path names one place (it has no {@code [*]}). */
    public boolean isDefinite() {
        return definite;
    }

    /** Whether this is the path of the whole {@code data} object. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** This path followed by a field name. */
    public GraphQlPath child(String name) {
        List<Object> out = new ArrayList<>(segments);
        out.add(Objects.requireNonNull(name, "name"));
        return new GraphQlPath(out);
    }

    /** The first {@code length} segments of this path. */
    public GraphQlPath prefix(int length) {
        return length == segments.size() ? this : new GraphQlPath(new ArrayList<>(segments.subList(0, length)));
    }

    /**
     * Whether this path begins with the other, where {@link #ANY_INDEX} in the other matches any
     * index: {@code orders.edges[3].node.price} starts with {@code orders.edges[*].node}.
     */
    public boolean startsWith(GraphQlPath prefix) {
        if (prefix.segments.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < prefix.segments.size(); i++) {
            Object want = prefix.segments.get(i);
            Object have = segments.get(i);
            boolean wildcard = want.equals(ANY_INDEX) && (have instanceof Integer || have.equals(ANY_INDEX));
            if (!wildcard && !want.equals(have)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The node at this definite path: present (possibly a JSON null) or empty if some segment is
     * missing or walks into a null or a value of the wrong kind.
     *
     * @throws GraphQlException if the path has a {@code [*]}; use {@link #select(JsonNode)}
     */
    public Optional<JsonNode> find(JsonNode root) {
        if (!definite) {
            throw new GraphQlException("The path " + this + " names every element of a list, not one value",
                    "Use a method that returns a list (all, getList) for paths with [*]");
        }
        JsonNode node = root;
        for (Object segment : segments) {
            node = step(node, segment);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    /**
     * Every node this path reaches, in document order; {@code [*]} expands to every element. Places
     * the path cannot reach are left out; JSON nulls at the end of the path are included.
     */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, 0, out);
        return out;
    }

    private void collect(JsonNode node, int index, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (index == segments.size()) {
            out.add(node);
            return;
        }
        Object segment = segments.get(index);
        if (segment.equals(ANY_INDEX)) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collect(element, index + 1, out);
                }
            }
            return;
        }
        collect(step(node, segment), index + 1, out);
    }

    private static JsonNode step(JsonNode node, Object segment) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (segment instanceof Integer i) {
            return node.isArray() ? node.get(i) : null;
        }
        return node.isObject() ? node.get((String) segment) : null;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private static GraphQlException invalid(String path, int at, String expected) {
        return new GraphQlException("Invalid GraphQL path \"" + path + "\" at character " + (at + 1) + ": expected "
                + expected, "Write paths like orders.edges[*].node or orders.edges[0].node.id");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphQlPath p && segments.equals(p.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The path as written: {@code orders.edges[3].node}; {@code ""} for the root. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer || segment.equals(ANY_INDEX)) {
                out.append('[').append(segment).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}
