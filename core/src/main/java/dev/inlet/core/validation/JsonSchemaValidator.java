package dev.inlet.core.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.inlet.core.Json;
import dev.inlet.core.internal.OptionalDependency;
import dev.inlet.core.record.RecordValidator;
import dev.inlet.core.record.Validation;
import dev.inlet.core.record.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Validates records against a JSON Schema (draft 2020-12, 2019-09, draft-07; draft-04 and -06 when
 * the schema names them), using networknt's json-schema-validator.
 *
 * <pre>{@code
 * JsonSchemaValidator schema = JsonSchemaValidator.builder()
 *         .schemaResource("schemas/charge.schema.json")
 *         .build();
 * }</pre>
 *
 * <p>Each schema error becomes a {@link Violation}: its pointer is the JSON Pointer of the offending
 * value in the record (for {@code required} the missing field, for {@code additionalProperties} the
 * unexpected one), its rule is {@code schema:} and the failing keyword ({@code schema:required},
 * {@code schema:minimum}, {@code schema:format} …), its message the library's explanation. Records
 * are never changed (the schema's {@code default} keyword is not applied; use
 * {@link Rules.Builder#defaultValue}). Should the library itself fail on a record, that record is
 * rejected with rule {@code schema:error} rather than the run being stopped.
 *
 * <p>The schema is read, checked against its draft's meta-schema and compiled once, by
 * {@link Builder#build()}; every {@code $ref} is resolved then. Nothing is fetched over the network:
 * references may point inside the schema, to {@code classpath:} resources, relative to a schema read
 * from the classpath, or to schemas given with {@link Builder#referencedSchema}. Immutable and
 * thread-safe.
 */
public final class JsonSchemaValidator implements RecordValidator {

    /** The rule of a record on which the schema library failed. */
    public static final String ERROR_RULE = SchemaViolations.PREFIX + "error";

    private final Schema schema;
    private final String dialectId;
    private final String source;

    private JsonSchemaValidator(Schema schema, String dialectId, String source) {
        this.schema = schema;
        this.dialectId = dialectId;
        this.source = source;
    }

    /**
     * A builder; give it a schema with one of its {@code schema} methods.
     *
     * @throws dev.inlet.core.error.MissingDependencyException if {@code com.networknt:json-schema-validator} 3.x
     *         (an optional dependency of inlet-core) is not on the classpath
     */
    public static Builder builder() {
        OptionalDependency.JSON_SCHEMA.require();
        return new Builder();
    }

    /**
     * Checks the record against the schema; the record is returned unchanged.
     *
     * @throws IllegalArgumentException if {@code record} is Java {@code null}
     */
    @Override
    public Validation validate(JsonNode record) {
        if (record == null) {
            throw new IllegalArgumentException("JsonSchemaValidator.validate needs a record; got Java null");
        }
        List<Error> errors;
        try {
            errors = schema.validate(record);
        } catch (RuntimeException e) {
            // A library defect must not end the run or let the record through: reject it, with the cause.
            return Validation.invalid(record, List.of(new Violation("", ERROR_RULE,
                    "the schema validator failed on this record: " + e)));
        }
        if (errors.isEmpty()) {
            return Validation.valid(record);
        }
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            violations.add(SchemaViolations.of(error));
        }
        return new Validation(record, violations);
    }

    /** The {@code $schema} identifier of the draft the schema is read as. */
    public String dialectId() {
        return dialectId;
    }

    @Override
    public String toString() {
        return "JsonSchemaValidator[" + source + ", " + dialectId + "]";
    }

    /**
     * Builds a {@link JsonSchemaValidator}. Not thread-safe; what it builds is. The last schema given
     * wins.
     *
     * <p>Defaults: no schema (one is required); schemas without {@code $schema} are read as draft
     * 2020-12; {@code format} is asserted ({@code date-time}, {@code email}, {@code uuid} … are
     * checked, not just annotations, in every draft); no referenced schemas; classpath resources are
     * read with the thread's context class loader, else this library's.
     */
    public static final class Builder {

        private JsonNode schemaNode;
        private String schemaText;
        private String resourcePath;
        private ClassLoader resourceLoader;
        private SchemaDialect defaultDialect = SchemaDialect.DRAFT_2020_12;
        private boolean formatAssertions = true;
        private final Map<String, String> referenced = new LinkedHashMap<>();

        private Builder() {
        }

        /** The schema as a tree (copied). */
        public Builder schema(JsonNode schema) {
            Objects.requireNonNull(schema, "schema");
            clearSource();
            this.schemaNode = schema.deepCopy();
            return this;
        }

        /** The schema as JSON text. */
        public Builder schema(String schemaJson) {
            Objects.requireNonNull(schemaJson, "schemaJson");
            clearSource();
            this.schemaText = schemaJson;
            return this;
        }

        /**
         * The schema in a classpath resource, e.g. {@code "schemas/charge.schema.json"}. Relative
         * {@code $ref}s in it resolve against its location on the classpath.
         */
        public Builder schemaResource(String path) {
            return schemaResource(path, null);
        }

        /** The schema in a resource of the given class loader. */
        public Builder schemaResource(String path, ClassLoader loader) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("schemaResource needs a resource path, e.g. 'schemas/x.json'");
            }
            clearSource();
            this.resourcePath = path.startsWith("/") ? path.substring(1) : path;
            this.resourceLoader = loader;
            return this;
        }

        /** The draft for a schema without {@code $schema}. Default {@link SchemaDialect#DRAFT_2020_12}. */
        public Builder defaultDialect(SchemaDialect dialect) {
            this.defaultDialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Whether {@code format} is checked. Default true: draft 2020-12 makes it an annotation only,
         * but a record whose {@code created_at} is not a date-time is not a valid record.
         */
        public Builder formatAssertions(boolean assertFormats) {
            this.formatAssertions = assertFormats;
            return this;
        }

        /**
         * A schema that {@code $ref}s may name by this absolute IRI, served locally instead of fetched.
         *
         * @param iri the {@code $id}/IRI references use, e.g. {@code https://schemas.example.com/money.json}
         */
        public Builder referencedSchema(String iri, JsonNode schema) {
            if (iri == null || iri.isBlank()) {
                throw new IllegalArgumentException("referencedSchema needs the IRI that $refs use");
            }
            Objects.requireNonNull(schema, "schema");
            referenced.put(iri, Json.mapper().writeValueAsString(schema));
            return this;
        }

        /**
         * Reads, checks and compiles the schema.
         *
         * @throws IllegalArgumentException if no schema was given, it cannot be read or is not JSON,
         *     names an unknown draft, breaks its draft's meta-schema (e.g. {@code "type": 5}), has an
         *     invalid regular expression, or has a {@code $ref} that cannot be resolved locally
         */
        public JsonSchemaValidator build() {
            String source = describeSource();
            JsonNode node = readSchema(source);
            if (!node.isObject() && !node.isBoolean()) {
                throw new IllegalArgumentException("The schema " + source + " must be a JSON object (or true/false), "
                        + "was " + Describe.type(node));
            }
            SpecificationVersion version = dialectOf(node, source).orElse(defaultDialect.version());
            SchemaRegistry registry = registry();
            checkAgainstMetaSchema(registry, version, node, source);
            try {
                Schema schema = resourcePath != null
                        ? registry.getSchema(SchemaLocation.of("classpath:" + resourcePath), node)
                        : registry.getSchema(node);
                schema.initializeValidators();
                return new JsonSchemaValidator(schema, version.getDialectId(), source);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The schema " + source + " could not be compiled: " + e.getMessage()
                        + ". Check its regular expressions and $refs (nothing is fetched over the network; give "
                        + "remote schemas with referencedSchema(iri, schema))", e);
            }
        }

        private SchemaRegistry registry() {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(formatAssertions)
                    .build();
            Map<String, String> schemas = Map.copyOf(referenced);
            // fetchRemoteResources(false): no loader for http(s)/file IRIs is installed, so a $ref can
            // never reach the network (hermetic runs; no SSRF through a schema).
            return SchemaRegistry.withDefaultDialect(defaultDialect.version(), registry -> registry
                    .schemaRegistryConfig(config)
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemas(schemas));
        }

        /** The draft named by {@code $schema}, if the schema names one. */
        private static Optional<SpecificationVersion> dialectOf(JsonNode node, String source) {
            JsonNode declared = node.isObject() ? node.get("$schema") : null;
            if (declared == null) {
                return Optional.empty();
            }
            if (!declared.isString()) {
                throw new IllegalArgumentException("The schema " + source + " has a $schema that is not a string");
            }
            return Optional.of(SchemaDialect.named(declared.stringValue()).orElseThrow(() -> new IllegalArgumentException(
                    "The schema " + source + " names an unknown draft in $schema: '" + declared.stringValue()
                            + "'. Use e.g. " + SchemaDialect.DRAFT_2020_12.id() + " or " + SchemaDialect.DRAFT_7.id())));
        }

        private void checkAgainstMetaSchema(SchemaRegistry registry, SpecificationVersion version, JsonNode node,
                String source) {
            List<Error> problems = registry.getSchema(SchemaLocation.of(version.getDialectId())).validate(node);
            if (!problems.isEmpty()) {
                List<String> listed = new ArrayList<>();
                for (Error problem : problems.subList(0, Math.min(10, problems.size()))) {
                    listed.add(SchemaViolations.of(problem).toString());
                }
                throw new IllegalArgumentException("The schema " + source + " is not a valid " + version.getDialectId()
                        + " schema: " + String.join("; ", listed) + (problems.size() > 10 ? "; …" : ""));
            }
        }

        private JsonNode readSchema(String source) {
            if (schemaNode != null) {
                return schemaNode;
            }
            if (schemaText != null) {
                return parse(schemaText, source);
            }
            if (resourcePath != null) {
                ClassLoader loader = resourceLoader != null ? resourceLoader : defaultLoader();
                try (InputStream in = loader.getResourceAsStream(resourcePath)) {
                    if (in == null) {
                        throw new IllegalArgumentException("No classpath resource '" + resourcePath + "' for the "
                                + "schema; put it under src/main/resources/" + resourcePath);
                    }
                    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
                } catch (IOException e) {
                    throw new IllegalArgumentException("Could not read the schema " + source + ": " + e.getMessage(), e);
                }
            }
            throw new IllegalArgumentException("No schema given: call schema(JsonNode), schema(String) or "
                    + "schemaResource(path) before build()");
        }

        private static JsonNode parse(String json, String source) {
            try {
                return Json.mapper().readTree(json);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("The schema " + source + " is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }

        private static ClassLoader defaultLoader() {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : JsonSchemaValidator.class.getClassLoader();
        }

        private String describeSource() {
            if (resourcePath != null) {
                return "classpath:" + resourcePath;
            }
            return schemaNode != null ? "(tree)" : "(text)";
        }

        private void clearSource() {
            schemaNode = null;
            schemaText = null;
            resourcePath = null;
            resourceLoader = null;
        }
    }
}
