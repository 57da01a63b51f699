package dev.inlet.graphql;

import dev.inlet.graphql.relay.RelayConnector;
import dev.inlet.core.Json;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import dev.inlet.graphql.error.GraphQlException;
import dev.inlet.graphql.error.GraphQlSyntaxException;

/**
 * A GraphQL query or mutation ready to send: the document exactly as written, parsed (and so
 * checked) when the operation is built, the chosen operation, and its variables.
 *
 * <p>Building fails before anything is sent if the document is not valid GraphQL (a
 * {@link GraphQlSyntaxException} with line and column), if {@code operationName} names no operation
 * of the document, if a variable is given that the operation does not declare, or if a required
 * variable ({@code $first: Int!} without a default) is missing. Whether it is a query or a mutation
 * is read from the document. Immutable and thread-safe; {@link #withVariable(String, Object)} makes
 * a copy that shares the parsed document.
 *
 * <pre>{@code
 * GraphQlOperation orders = GraphQlOperation.builder("""
 *         query Orders($first: Int!, $after: String) {
 *           orders(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
 *         }""")
 *         .variable("first", 50)
 *         .build();
 * }</pre>
 */
public final class GraphQlOperation {

    private final String document;
    private final Document parsed;
    private final OperationDefinition definition;
    private final String operationName;
    private final ObjectNode variables;
    private final JsonMapper mapper;
    private final String sha256;
    private final Map<String, VariableDefinition> declared;

    private GraphQlOperation(String document, Document parsed, OperationDefinition definition, String operationName,
            ObjectNode variables, JsonMapper mapper, String sha256, Map<String, VariableDefinition> declared) {
        this.document = document;
        this.parsed = parsed;
        this.definition = definition;
        this.operationName = operationName;
        this.variables = variables;
        this.mapper = mapper;
        this.sha256 = sha256;
        this.declared = declared;
    }

    /**
     * An operation without variables: the document's only operation.
     *
     * @throws GraphQlSyntaxException if the document is not valid GraphQL
     */
    public static GraphQlOperation of(String document) {
        return builder(document).build();
    }

    /** A builder for an operation over this document; the document is parsed by {@link Builder#build()}. */
    public static Builder builder(String document) {
        return new Builder(document);
    }

    /** A builder starting from this operation (the document is not parsed again). */
    public Builder toBuilder() {
        Builder b = new Builder(document);
        b.from = this;
        b.operationName = operationName;
        b.mapper = mapper;
        variables.properties().forEach(e -> b.variables.set(e.getKey(), e.getValue()));
        return b;
    }

    /** The document exactly as given; this is the text sent as {@code query}. */
    public String document() {
        return document;
    }

    /** The operation name sent as {@code operationName}, if one was chosen. */
    public Optional<String> operationName() {
        return Optional.ofNullable(operationName);
    }

    /** The name the document gives the chosen operation, or {@code "(anonymous)"}. */
    public String displayName() {
        return definition.getName() == null ? "(anonymous)" : definition.getName();
    }

    /** Query or mutation, as the document says. */
    public OperationType type() {
        return definition.getOperation() == OperationDefinition.Operation.MUTATION ? OperationType.MUTATION
                : OperationType.QUERY;
    }

    /** Whether the operation is a mutation. */
    public boolean isMutation() {
        return type() == OperationType.MUTATION;
    }

    /** A copy of the variables, as the JSON object sent as {@code variables}. */
    public ObjectNode variables() {
        return variables.deepCopy();
    }

    /** A copy of one variable's value, if it was given. */
    public Optional<JsonNode> variable(String name) {
        JsonNode value = variables.get(name);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** The names of the variables the operation declares, in document order. */
    public Set<String> declaredVariables() {
        return declared.keySet();
    }

    /** The lowercase hex SHA-256 of the document: the hash of Automatic Persisted Queries. */
    public String sha256() {
        return sha256;
    }

    /**
     * A copy with one variable set (null sends a JSON {@code null}); shares the parsed document.
     *
     * @throws GraphQlException if the operation does not declare the variable
     */
    public GraphQlOperation withVariable(String name, Object value) {
        Objects.requireNonNull(name, "name");
        checkDeclared(name);
        ObjectNode copy = variables.deepCopy();
        copy.set(name, toTree(mapper, name, value));
        return new GraphQlOperation(document, parsed, definition, operationName, copy, mapper, sha256, declared);
    }

    /**
     * The parsed document: graphql-java's tree, for callers that read the selection (as
     * {@code RelayConnector} does to find the connection); not to be changed.
     */
    public Document parsed() {
        return parsed;
    }

    /** The chosen operation's definition in {@link #parsed()} (graphql-java's; not to be changed). */
    public OperationDefinition definition() {
        return definition;
    }

    /** The variables object itself, for serialising without a copy; never changed after build. */
    ObjectNode variablesNode() {
        return variables;
    }

    /** The mapper that serialises variables. */
    JsonMapper mapper() {
        return mapper;
    }

    /** A key for everything learned about this operation (its query cost): document hash and name. */
    String costKey() {
        return operationName == null ? sha256 : sha256 + "#" + operationName;
    }

    private void checkDeclared(String name) {
        if (!declared.containsKey(name)) {
            throw new GraphQlException("Operation " + displayName() + " does not declare the variable $" + name
                    + "; it declares " + (declared.isEmpty() ? "none" : declared.keySet().stream()
                            .map(n -> "$" + n).collect(Collectors.joining(", "))),
                    "Declare it in the operation, e.g. query " + displayName().replace("(anonymous)", "")
                            + "($" + name + ": String) { ... }, or fix the variable's name");
        }
    }

    private static JsonNode toTree(JsonMapper mapper, String name, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        try {
            return mapper.valueToTree(value);
        } catch (JacksonException e) {
            throw new GraphQlException("The value of variable $" + name + " (a " + value.getClass().getName()
                    + ") cannot be serialised as JSON: " + e.getOriginalMessage(),
                    "Pass a Map, a record or bean Jackson can serialise, or a JsonNode", e);
        }
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphQlOperation op && document.equals(op.document)
                && Objects.equals(operationName, op.operationName) && variables.equals(op.variables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(document, operationName, variables);
    }

    /** The kind, name and the variable names set; never the values (they may be personal data). */
    @Override
    public String toString() {
        return "GraphQlOperation[" + type().name().toLowerCase(java.util.Locale.ROOT) + " " + displayName()
                + ", variables " + variables.propertyNames().stream().map(n -> "$" + n).collect(Collectors.toList())
                + "]";
    }

    /**
     * Builds a {@link GraphQlOperation}; not thread-safe.
     *
     * <p>Defaults: the document's only operation (no {@code operationName}); no variables; Inlet's
     * default mapper ({@link Json#mapper()}) to serialise variable values.
     */
    public static final class Builder {
        private final String document;
        private GraphQlOperation from;
        private String operationName;
        private JsonMapper mapper = Json.mapper();
        private final ObjectNode variables = Json.mapper().createObjectNode();

        private Builder(String document) {
            this.document = document;
        }

        /** Chooses the operation to run when the document defines several. */
        public Builder operationName(String operationName) {
            if (operationName != null && operationName.isBlank()) {
                throw new GraphQlException("operationName must not be blank", "Pass null for the only operation");
            }
            this.operationName = operationName;
            return this;
        }

        /**
         * Sets the variables from a {@code Map}, a {@link JsonNode} object, or any object Jackson
         * serialises to a JSON object (a record, a bean), replacing those set before.
         */
        public Builder variables(Object values) {
            Objects.requireNonNull(values, "values");
            JsonNode tree = toTree(mapper, "(all)", values);
            if (!tree.isObject()) {
                throw new GraphQlException("GraphQL variables must be a JSON object, but a "
                        + values.getClass().getName() + " serialises to " + tree.getNodeType(),
                        "Pass a Map or an object with one property per variable");
            }
            variables.removeAll();
            tree.properties().forEach(e -> variables.set(e.getKey(), e.getValue()));
            return this;
        }

        /** Sets one variable (null sends a JSON {@code null}). */
        public Builder variable(String name, Object value) {
            Objects.requireNonNull(name, "name");
            variables.set(name, toTree(mapper, name, value));
            return this;
        }

        /** The mapper that serialises variable values given after this call. */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * Parses the document and checks the variables against the operation's declarations.
         *
         * @throws GraphQlSyntaxException if the document is not valid GraphQL
         * @throws GraphQlException for an unknown operation name, a subscription, an undeclared
         *     variable or a missing required one
         */
        public GraphQlOperation build() {
            boolean reuse = from != null && Objects.equals(from.operationName, operationName);
            Document parsed = reuse ? from.parsed : Documents.parseOperation(document);
            OperationDefinition definition = reuse ? from.definition : Documents.select(parsed, operationName);
            if (definition.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                throw new GraphQlException("Operation " + (definition.getName() == null ? "(anonymous)"
                        : definition.getName()) + " is a subscription; it needs a streaming transport",
                        "Inlet sends queries and mutations over HTTP; use a query to read");
            }
            Map<String, VariableDefinition> declared = new LinkedHashMap<>();
            for (VariableDefinition v : definition.getVariableDefinitions()) {
                declared.put(v.getName(), v);
            }
            GraphQlOperation op = new GraphQlOperation(document, parsed, definition, operationName,
                    variables.deepCopy(), mapper, reuse ? from.sha256 : sha256Hex(document),
                    Collections.unmodifiableMap(declared));
            variables.propertyNames().forEach(op::checkDeclared);
            for (VariableDefinition v : declared.values()) {
                JsonNode given = variables.get(v.getName());
                boolean required = v.getType() instanceof NonNullType && v.getDefaultValue() == null;
                if (required && (given == null || given.isNull())) {
                    throw new GraphQlException("Operation " + op.displayName() + " requires the variable $"
                            + v.getName() + " (" + AstText.type(v.getType()) + ") but it was not given",
                            "Set it with variable(\"" + v.getName() + "\", value)");
                }
            }
            return op;
        }
    }
}
