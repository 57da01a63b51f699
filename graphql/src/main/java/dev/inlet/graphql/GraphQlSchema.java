package dev.inlet.graphql;

import dev.inlet.core.Json;
import dev.inlet.graphql.internal.ErrorSummary;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.InvalidSyntaxError;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import dev.inlet.graphql.error.GraphQlSyntaxException;
import dev.inlet.graphql.error.GraphQlValidationException;

/**
 * The schema of a GraphQL API, used to validate operations locally so that a misspelt field or a
 * wrong argument fails before any request is sent. Built from SDL or from an introspection result.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * GraphQlSchema schema = GraphQlSchema.fromSdl(Files.readString(Path.of("schema.graphqls")));
 * GraphQlClient client = GraphQlClient.builder("https://api.example.com/graphql").schema(schema).build();
 * }</pre>
 */
public final class GraphQlSchema {


    private final GraphQLSchema schema;
    private final String origin;

    private GraphQlSchema(GraphQLSchema schema, String origin) {
        this.schema = schema;
        this.origin = origin;
    }

    /**
     * A schema from its SDL (type definitions, as in a {@code .graphqls} file).
     *
     * @throws GraphQlSyntaxException if the SDL is not valid syntax
     * @throws GraphQlValidationException if the definitions do not form a schema (an unknown type …)
     */
    public static GraphQlSchema fromSdl(String sdl) {
        Objects.requireNonNull(sdl, "sdl");
        try {
            return fromRegistry(new SchemaParser().parse(sdl), "SDL");
        } catch (SchemaProblem problem) {
            throw schemaProblem("SDL", problem);
        }
    }

    /**
     * A schema from the result of the standard introspection query: either the whole response
     * ({@code {"data": {"__schema": …}}}) or its {@code data} ({@code {"__schema": …}}).
     *
     * @throws GraphQlValidationException if the result is not an introspection result
     */
    public static GraphQlSchema fromIntrospection(JsonNode result) {
        Objects.requireNonNull(result, "result");
        JsonNode data = result.has("data") ? result.get("data") : result;
        if (data == null || !data.has("__schema") || !data.get("__schema").isObject()) {
            throw new GraphQlValidationException("Not an introspection result: it has no __schema object", List.of(),
                    "Pass the response to graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, or its data");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().convertValue(data, Map.class);
            return fromRegistry(new SchemaParser().buildRegistry(
                    new IntrospectionResultToSchema().createSchemaDefinition(map)), "introspection result");
        } catch (SchemaProblem problem) {
            throw schemaProblem("introspection result", problem);
        } catch (GraphQLException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            // graphql-java reads the map with casts and asserts: a truncated or foreign result fails inside it.
            throw new GraphQlValidationException("The introspection result cannot be read as a schema: " + e,
                    List.of(), "Pass an unmodified result of the standard introspection query");
        }
    }

    private static GraphQlSchema fromRegistry(TypeDefinitionRegistry registry, String origin) {
        try {
            return new GraphQlSchema(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry), origin);
        } catch (SchemaProblem problem) {
            throw schemaProblem(origin, problem);
        }
    }

    /** The problems of the operation against this schema; empty if it is valid. */
    public List<GraphQlError> problems(GraphQlOperation operation) {
        Objects.requireNonNull(operation, "operation");
        List<ValidationError> errors = ParseAndValidate.validate(schema, operation.parsed());
        List<GraphQlError> out = new ArrayList<>(errors.size());
        for (ValidationError error : errors) {
            out.add(toError(error.getDescription() != null ? error.getDescription() : error.getMessage(),
                    error.getLocations(), String.valueOf(error.getValidationErrorType())));
        }
        return out;
    }

    /**
     * Checks the operation against this schema.
     *
     * @throws GraphQlValidationException listing the problems with their lines and columns
     */
    public void validate(GraphQlOperation operation) {
        List<GraphQlError> problems = problems(operation);
        if (!problems.isEmpty()) {
            throw new GraphQlValidationException("Operation " + operation.displayName() + " does not fit the schema ("
                    + origin + "): " + summary(problems) + "; nothing was sent", problems,
                    "Fix the operation, or update the schema if the API changed");
        }
    }

    /** graphql-java's schema, for callers that need more than validation. */
    public GraphQLSchema graphQLSchema() {
        return schema;
    }

    @Override
    public String toString() {
        return "GraphQlSchema[from " + origin + ", " + schema.getAllTypesAsList().size() + " types]";
    }

    static String summary(List<GraphQlError> problems) {
        return ErrorSummary.of(problems, GraphQlError::describe);
    }

    private static GraphQlError toError(String message, List<SourceLocation> locations, String code) {
        List<GraphQlError.Location> at = new ArrayList<>();
        if (locations != null) {
            for (SourceLocation l : locations) {
                at.add(new GraphQlError.Location(l.getLine(), l.getColumn()));
            }
        }
        return new GraphQlError(message, Optional.empty(), at, JsonNodeFactory.instance.objectNode(),
                Optional.ofNullable(code));
    }

    private static RuntimeException schemaProblem(String origin, SchemaProblem problem) {
        List<GraphQlError> problems = new ArrayList<>();
        for (GraphQLError error : problem.getErrors()) {
            if (error instanceof InvalidSyntaxError syntax) {
                SourceLocation at = syntax.getLocations() == null || syntax.getLocations().isEmpty() ? null
                        : syntax.getLocations().get(0);
                return new GraphQlSyntaxException("Invalid GraphQL schema syntax (" + origin + ")"
                        + (at == null ? "" : " at line " + at.getLine() + ", column " + at.getColumn()) + ": "
                        + syntax.getMessage(), at == null ? -1 : at.getLine(), at == null ? -1 : at.getColumn(),
                        "Fix the schema definition", problem);
            }
            problems.add(toError(error.getMessage(), error.getLocations(), String.valueOf(error.getErrorType())));
        }
        return new GraphQlValidationException("The schema (" + origin + ") is not valid: " + summary(problems),
                problems, "Fix the schema definition");
    }
}
