package dev.inlet.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a GraphQL request's {@code variables} as if they were query parameters, for the page renderer. */
final class GraphQlVariables {

    private GraphQlVariables() {
    }

    /** The request with its query replaced by the JSON body's scalar variables (a GET's own query if no body). */
    static RawRequest asQuery(RawRequest request) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        if (request.body().length > 0) {
            try {
                JsonNode variables = RecordSet.JSON.readTree(request.body()).path("variables");
                variables.properties().forEach(e -> {
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                        query.put(e.getKey(), e.getValue().asString());
                    }
                });
            } catch (JacksonException e) {
                // Not JSON: the page is rendered from the URL's query alone.
            }
        }
        return new RawRequest(request.method(), request.target(), request.path(), query, request.headers(),
                request.body());
    }
}
