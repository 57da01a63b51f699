package dev.inlet.graphql;

import dev.inlet.core.ResponseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.graphql.error.GraphQlException;

/**
 * A GraphQL response: {@code data}, {@code errors} and {@code extensions}, with typed extraction by
 * path and each error findable by its path.
 *
 * <p>Paths are {@link GraphQlPath}s relative to {@code data}: {@code orders.edges[*].node}.
 * {@link #get(String, Class)} maps one value, {@link #getList(String, Class)} every value a path
 * with {@code [*]} reaches. A field that is null because of an error is told apart from a real null
 * by {@link #isNullBecauseOfError(String)}.
 *
 * <p>Immutable in use and thread-safe: the trees returned by {@link #data()} and {@link #at(String)}
 * are the response's own (not copied, for speed) and must be treated as read-only.
 */
public final class GraphQlResponse {

    private final JsonNode data;
    private final List<GraphQlError> errors;
    private final JsonNode extensions;
    private final ResponseInfo info;
    private final JsonMapper mapper;

    private GraphQlResponse(JsonNode data, List<GraphQlError> errors, JsonNode extensions, ResponseInfo info,
            JsonMapper mapper) {
        this.data = data;
        this.errors = errors;
        this.extensions = extensions;
        this.info = info;
        this.mapper = mapper;
    }

    /** Reads a response body already parsed as a JSON object; the caller checked that it is one. */
    static GraphQlResponse of(JsonNode root, ResponseInfo info, JsonMapper mapper) {
        JsonNode data = root.get("data");
        JsonNode errorsNode = root.get("errors");
        List<GraphQlError> errors = List.of();
        if (errorsNode != null && errorsNode.isArray() && !errorsNode.isEmpty()) {
            List<GraphQlError> list = new ArrayList<>(errorsNode.size());
            for (JsonNode error : errorsNode) {
                list.add(error.isObject() ? GraphQlError.from(error)
                        : new GraphQlError(error.toString(), Optional.empty(), List.of(),
                                mapper.createObjectNode(), Optional.empty()));
            }
            errors = List.copyOf(list);
        }
        JsonNode extensions = root.get("extensions");
        return new GraphQlResponse(data == null || data.isNull() ? null : data, errors,
                extensions == null || !extensions.isObject() ? null : extensions, info, mapper);
    }

    /** The {@code data} object, if the response has one (absent or null data is empty). */
    public Optional<JsonNode> data() {
        return Optional.ofNullable(data);
    }

    /** The {@code errors}, in the order the server listed them; empty if none. */
    public List<GraphQlError> errors() {
        return errors;
    }

    /** Whether the response has any error. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The {@code extensions} object (query cost, tracing …), if the server sent one. */
    public Optional<JsonNode> extensions() {
        return Optional.ofNullable(extensions);
    }

    /** The HTTP facts of the response (status, headers, timing). */
    public ResponseInfo info() {
        return info;
    }

    /**
     * The value at a definite path: present (a JSON null included) or empty if the path does not
     * reach that far.
     *
     * @throws GraphQlException if the path is invalid or has {@code [*]} (use {@link #all(String)})
     */
    public Optional<JsonNode> at(String path) {
        return data == null ? Optional.empty() : GraphQlPath.parse(path).find(data);
    }

    /** Every value a path reaches ({@code [*]} expands to every element), JSON nulls included. */
    public List<JsonNode> all(String path) {
        return data == null ? List.of() : GraphQlPath.parse(path).select(data);
    }

    /**
     * The value at a definite path as the type; empty if it is missing or null (see
     * {@link #isNullBecauseOfError(String)} to know why).
     *
     * @throws GraphQlException if the value cannot be read as the type
     */
    public <T> Optional<T> get(String path, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return get(path, mapper.constructType(type));
    }

    /** Like {@link #get(String, Class)}, for generic types: {@code new TypeReference<List<Order>>() {}}. */
    public <T> Optional<T> get(String path, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return get(path, mapper.getTypeFactory().constructType(type));
    }

    /**
     * Every value a path reaches, as the type: {@code getList("orders.edges[*].node", Order.class)}.
     * Null values (real, or from errors: see {@link #errorsAt(String)}) are left out.
     *
     * @throws GraphQlException if a value cannot be read as the type
     */
    public <T> List<T> getList(String path, Class<T> type) {
        Objects.requireNonNull(type, "type");
        JavaType javaType = mapper.constructType(type);
        GraphQlPath parsed = GraphQlPath.parse(path);
        List<JsonNode> nodes = data == null ? List.of() : parsed.select(data);
        List<T> out = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isNull()) {
                out.add(read(node, javaType, parsed));
            }
        }
        return out;
    }

    /**
     * The errors at a path or inside it ({@code [*]} matches any index):
     * {@code errorsAt("orders.edges[*].node")} lists the errors of every node.
     */
    public List<GraphQlError> errorsAt(String path) {
        GraphQlPath prefix = GraphQlPath.parse(path);
        return errors.stream().filter(e -> e.isAtOrUnder(prefix)).toList();
    }

    /**
     * Whether the value at a definite path is null (or cut off by a null above it) because a field
     * failed: an error's path lies at or under the first null on the way. A real null — the API
     * has no value — returns false, as does a value that is present.
     */
    public boolean isNullBecauseOfError(String path) {
        GraphQlPath parsed = GraphQlPath.parse(path);
        if (!parsed.isDefinite()) {
            throw new GraphQlException("isNullBecauseOfError needs a definite path, got " + parsed,
                    "Ask about one element (orders.edges[3].node), or use errorsAt for all");
        }
        if (data == null) {
            return hasErrors();
        }
        JsonNode node = data;
        List<Object> segments = parsed.segments();
        for (int i = 0; i <= segments.size(); i++) {
            if (node == null) {
                return false;
            }
            if (node.isNull()) {
                GraphQlPath nulled = parsed.prefix(i);
                return errors.stream().anyMatch(e -> e.isAtOrUnder(nulled));
            }
            if (i < segments.size()) {
                Object segment = segments.get(i);
                node = segment instanceof Integer index ? (node.isArray() ? node.get(index) : null)
                        : (node.isObject() ? node.get((String) segment) : null);
            }
        }
        return false;
    }

    private <T> Optional<T> get(String path, JavaType type) {
        GraphQlPath parsed = GraphQlPath.parse(path);
        if (data == null) {
            return Optional.empty();
        }
        Optional<JsonNode> node = parsed.find(data);
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(node.get(), type, parsed));
    }

    private <T> T read(JsonNode node, JavaType type, GraphQlPath path) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new GraphQlException("The value at " + (path.isRoot() ? "data" : path.toString()) + " in the response"
                    + " from " + info.redactedUri() + " cannot be read as " + type.toCanonical() + ": "
                    + e.getOriginalMessage(), "Check the type against the operation's selection", e);
        }
    }

    /** Status, whether there is data, and the errors; never the data itself (it may be personal). */
    @Override
    public String toString() {
        return "GraphQlResponse[" + info.status() + " from " + info.redactedUri() + ", " + (data == null ? "no data"
                : "data") + (errors.isEmpty() ? "" : ", " + errors.size() + " errors: "
                + GraphQlSchema.summary(errors)) + "]";
    }
}
