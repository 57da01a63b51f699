package dev.inlet.graphql;

import dev.inlet.core.Headers;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.internal.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns operations into HTTP requests per the GraphQL-over-HTTP conventions: a JSON POST of
 * {@code query}, {@code operationName}, {@code variables} and {@code extensions}, or for queries
 * when asked a GET with those as URL parameters (JSON-encoded where they are objects).
 * Queries are marked idempotent (a read is safe to repeat); mutations are not.
 */
final class RequestFactory {

    /** What the request carries of the document. */
    enum Form {
        /** The document only: no persisted queries. */
        FULL,
        /** The APQ hash only: the server runs the document it stored under the hash. */
        HASH_ONLY,
        /** Document and hash: the server runs it and stores it under the hash. */
        FULL_WITH_HASH
    }

    private final URI endpoint;
    private final Headers headers;
    private final JsonMapper mapper;
    private final boolean getForQueries;
    private final Duration timeout;

    RequestFactory(URI endpoint, Headers headers, JsonMapper mapper, boolean getForQueries, Duration timeout) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.mapper = mapper;
        this.getForQueries = getForQueries;
        this.timeout = timeout;
    }

    URI endpoint() {
        return endpoint;
    }

    boolean getForQueries() {
        return getForQueries;
    }

    Duration timeout() {
        return timeout;
    }

    /** The request for an operation in a form; a GET only for a hash-only query, or without APQ. */
    Request request(GraphQlOperation operation, Form form, String connector) {
        boolean get = getForQueries && !operation.isMutation() && form != Form.FULL_WITH_HASH;
        Request.Builder builder = get ? getRequest(operation, form) : postRequest(operation, form);
        builder.headers(headers).connector(connector);
        if (!headers.contains("Accept")) {
            // Plain JSON: servers then answer errors with 200 and a GraphQL body, so errors stay structured.
            builder.header("Accept", "application/json");
        }
        if (!get) {
            builder.header("Content-Type", "application/json");
        }
        if (!operation.isMutation()) {
            builder.idempotent(true);
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    private Request.Builder postRequest(GraphQlOperation operation, Form form) {
        ObjectNode body = mapper.createObjectNode();
        if (form != Form.HASH_ONLY) {
            body.put("query", operation.document());
        }
        operation.operationName().ifPresent(name -> body.put("operationName", name));
        if (!operation.variablesNode().isEmpty()) {
            body.set("variables", operation.variablesNode());
        }
        if (form != Form.FULL) {
            body.set("extensions", persistedQuery(operation));
        }
        return Request.builder(endpoint).method("POST", mapper.writeValueAsBytes(body));
    }

    private Request.Builder getRequest(GraphQlOperation operation, Form form) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(4);
        if (form != Form.HASH_ONLY) {
            parameters.add(new AbstractMap.SimpleImmutableEntry<>("query", operation.document()));
        }
        operation.operationName().ifPresent(name -> parameters.add(new AbstractMap.SimpleImmutableEntry<>(
                "operationName", name)));
        if (!operation.variablesNode().isEmpty()) {
            parameters.add(new AbstractMap.SimpleImmutableEntry<>("variables",
                    mapper.writeValueAsString(operation.variablesNode())));
        }
        if (form != Form.FULL) {
            parameters.add(new AbstractMap.SimpleImmutableEntry<>("extensions",
                    mapper.writeValueAsString(persistedQuery(operation))));
        }
        return Request.builder(Urls.withQueryParameters(endpoint, parameters)).get();
    }

    private ObjectNode persistedQuery(GraphQlOperation operation) {
        ObjectNode extensions = mapper.createObjectNode();
        extensions.putObject("persistedQuery").put("version", 1).put("sha256Hash", operation.sha256());
        return extensions;
    }
}
