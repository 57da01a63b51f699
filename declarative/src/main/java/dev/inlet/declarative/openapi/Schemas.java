package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves {@code $ref}s by hand (bounded), so huge or recursive documents need no full resolution. */
final class Schemas {

    private static final int MAX_REF_HOPS = 16;

    private final OpenAPI api;

    Schemas(OpenAPI api) {
        this.api = api;
    }

    @SuppressWarnings("rawtypes")
    Schema resolve(Schema schema) {
        Schema current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < MAX_REF_HOPS; hops++) {
            String ref = current.get$ref();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return null;
            }
            current = api.getComponents().getSchemas().get(name);
        }
        if (current != null && current.getAllOf() != null && !current.getAllOf().isEmpty()) {
            return merged(current);
        }
        return current;
    }

    /** The properties of a schema, those of its {@code allOf} parts included. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Map<String, Schema> properties(Schema schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        Schema s = resolve(schema);
        if (s != null && s.getProperties() != null) {
            properties.putAll(s.getProperties());
        }
        return properties;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema merged(Schema schema) {
        Schema result = new Schema();
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        for (Object part : schema.getAllOf()) {
            Schema p = resolveNoMerge((Schema) part);
            if (p != null && p.getProperties() != null) {
                properties.putAll(p.getProperties());
            }
        }
        result.setType("object");
        result.setProperties(properties);
        return result;
    }

    @SuppressWarnings("rawtypes")
    private Schema resolveNoMerge(Schema schema) {
        Schema current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < MAX_REF_HOPS; hops++) {
            String ref = current.get$ref();
            current = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    /** A parameter of {@code components.parameters}, or null. */
    io.swagger.v3.oas.models.parameters.Parameter parameter(String name) {
        return api.getComponents() == null || api.getComponents().getParameters() == null ? null
                : api.getComponents().getParameters().get(name);
    }

    @SuppressWarnings("rawtypes")
    static boolean isArray(Schema s) {
        return s != null && ("array".equals(s.getType()) || s.getItems() != null
                || (s.getTypes() != null && s.getTypes().contains("array")));
    }

    /** The success response of an operation (200, else the first 2xx, else default). */
    Optional<ApiResponse> success(Operation operation) {
        if (operation.getResponses() == null) {
            return Optional.empty();
        }
        ApiResponse chosen = operation.getResponses().get("200");
        if (chosen == null) {
            chosen = operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                    .map(Map.Entry::getValue).findFirst().orElse(operation.getResponses().get("default"));
        }
        if (chosen != null && chosen.get$ref() != null && api.getComponents() != null
                && api.getComponents().getResponses() != null) {
            String ref = chosen.get$ref();
            chosen = api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return Optional.ofNullable(chosen);
    }

    /** The JSON body schema of an operation's request, resolved ({@code components.requestBodies} refs too). */
    @SuppressWarnings("rawtypes")
    Optional<Schema> requestBody(Operation operation) {
        io.swagger.v3.oas.models.parameters.RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null && api.getComponents() != null
                && api.getComponents().getRequestBodies() != null) {
            String ref = body.get$ref();
            body = api.getComponents().getRequestBodies().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return Optional.empty();
        }
        MediaType media = body.getContent().entrySet().stream().filter(e -> e.getKey().toLowerCase().contains("json"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return media == null ? Optional.empty() : Optional.ofNullable(media.getSchema()).map(this::resolve);
    }

    /** The JSON body schema of a response, resolved. */
    @SuppressWarnings("rawtypes")
    Optional<Schema> body(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || content.isEmpty()) {
            return Optional.empty();
        }
        MediaType media = content.entrySet().stream().filter(e -> e.getKey().toLowerCase().contains("json"))
                .map(Map.Entry::getValue).findFirst().orElse(content.values().iterator().next());
        return Optional.ofNullable(media.getSchema()).map(this::resolve);
    }
}
