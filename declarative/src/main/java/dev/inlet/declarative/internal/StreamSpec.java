package dev.inlet.declarative.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Internal.</b> One stream of a definition as written: the request (path, method, query, headers,
 * JSON body), where the records are, their key, the paginator, and the optional incremental, validation,
 * parent and GraphQL parts. Immutable.
 *
 * @param name the stream's name
 * @param node where it was written
 * @param description what it holds, or null
 * @param path the path after the base URL (placeholders allowed)
 * @param method {@code GET} or {@code POST}
 * @param query query parameters (definition-wide ones first, the stream's replacing them)
 * @param headers request headers (likewise)
 * @param body the JSON body of a {@code POST}, or null
 * @param records the JSON Pointer of the records array, or null for the root
 * @param primaryKey the JSON Pointer of the record's key, or null
 * @param paginator the paginator
 * @param incremental the incremental sync, or null
 * @param validation the validation, or null
 * @param parent the parent of a substream, or null
 * @param graphql the GraphQL operation of a GraphQL stream, or null
 * @param prefetch the pages in flight asked for ({@code prefetch:}, 1 to 64), or 0 for the default
 *     ({@link PrefetchDefault})
 */
public record StreamSpec(String name, Node node, String description, Template path, String method,
        Map<String, Template> query, Map<String, Template> headers, Node body, String records, String primaryKey,
        PaginatorSpec paginator, IncrementalSpec incremental, ValidationSpec validation, ParentSpec parent,
        GraphQlSpec graphql, int prefetch) {

    static final String[] KEYS = {"description", "path", "method", "params", "headers", "body", "records",
            "primary_key", "paginator", "incremental", "schema", "rules", "on_invalid", "parent", "graphql",
            "prefetch"};

    /** Reads a stream; {@code context} holds the definition-wide parts it inherits or references. */
    static StreamSpec read(String name, Node node, ParseContext context) {
        Section s = Section.of(node, "stream `" + name + "`", KEYS);
        String description = s.word("description", null);
        GraphQlSpec graphql = s.has("graphql") ? GraphQlSpec.read(s.get("graphql")) : null;
        Template path = graphql != null && !s.has("path") ? Template.literal(node, "") : s.text("path");
        String method = s.choice("method", graphql != null ? "POST" : "GET", List.of("GET", "POST"));
        Map<String, Template> query = new LinkedHashMap<>(context.params());
        query.putAll(map(s.get("params"), "params"));
        Map<String, Template> headers = new LinkedHashMap<>(context.headers());
        headers.putAll(map(s.get("headers"), "headers"));
        Node body = s.get("body");
        if (body != null && !"POST".equals(method)) {
            throw Errors.at(body, "a body on a " + method + " stream", "method: POST");
        }
        String records = pointer(s, "records");
        String primaryKey = pointer(s, "primary_key");
        PaginatorSpec paginator = PaginatorSpec.NONE;
        if (s.has("paginator")) {
            if (graphql != null) {
                throw Errors.at(s.get("paginator"), "a GraphQL stream pages by its Relay connection",
                        "no paginator (graphql.connection names the connection)");
            }
            paginator = PaginatorSpec.read(s.get("paginator"), context.paginators());
            if (paginator.type().equals("request_body_cursor") && !(body instanceof Node.Mapping)) {
                // Caught at load: the rest paginator would only fail at the first request.
                throw Errors.at(body == null ? s.get("paginator") : body, "a request_body_cursor paginator writes"
                        + " the cursor into the POST body, and this stream has " + (body == null ? "no body"
                        : "a body that is " + body.describe()), "method: POST and body: a mapping of fields");
            }
        }
        IncrementalSpec incremental = s.has("incremental") ? IncrementalSpec.read(s.get("incremental")) : null;
        ValidationSpec validation = ValidationSpec.read(s);
        ParentSpec parent = s.has("parent") ? ParentSpec.read(s.get("parent")) : null;
        int prefetch = 0;
        if (s.has("prefetch")) {
            long asked = s.integer("prefetch", 0);
            if (asked < 1 || asked > PrefetchDefault.MAX) {
                throw Errors.at(s.get("prefetch"), "prefetch " + asked + " is out of range",
                        "1 (one request at a time) to " + PrefetchDefault.MAX);
            }
            if (graphql != null) {
                throw Errors.at(s.get("prefetch"), "a GraphQL stream's next page needs the current one's cursor",
                        "no prefetch on a GraphQL stream");
            }
            prefetch = (int) asked;
        }
        return new StreamSpec(name, node, description, path, method, query, headers, body, records, primaryKey,
                paginator, incremental, validation, parent, graphql, prefetch);
    }

    /** A mapping of names to text (params, headers). */
    static Map<String, Template> map(Node node, String what) {
        Map<String, Template> map = new LinkedHashMap<>();
        if (node == null) {
            return map;
        }
        if (!(node instanceof Node.Mapping mapping)) {
            throw Errors.at(node, what + " is " + node.describe(), "a mapping of names to values");
        }
        for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
            map.put(entry.getKey(), Section.text(entry.getValue()));
        }
        return map;
    }

    /** An optional JSON Pointer. */
    static String pointer(Section s, String key) {
        String value = s.word(key, null);
        if (value != null && !value.isEmpty() && value.charAt(0) != '/') {
            throw Errors.at(s.get(key), "`" + value + "` is not a JSON Pointer", "a pointer such as /" + value,
                    "/" + value);
        }
        return value;
    }

    /** Every template of the request, for checking placeholders at load. */
    List<Template> templates() {
        List<Template> templates = new java.util.ArrayList<>();
        templates.add(path);
        templates.addAll(query.values());
        templates.addAll(headers.values());
        return templates;
    }
}
