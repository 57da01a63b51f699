package dev.inlet.declarative.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a first draft of a definition from an OpenAPI 2.0 or 3.x document (parsed by swagger-parser):
 * every list operation ({@code GET} answering an array, or an object with an array property) becomes a
 * stream, with its records pointer, paginator, auth, primary key and incremental field guessed and
 * each guess marked by a {@code # guess:} comment saying why. Immutable and thread-safe.
 *
 * <pre>{@code
 * ImportResult draft = OpenApiImporter.builder().build().importSpec(Path.of("stripe.yaml"));
 * Files.writeString(Path.of("stripe.inlet.yaml"), draft.yaml());
 * }</pre>
 *
 * <p>Defaults: every list operation; the definition named after the document's title; the base URL
 * from its first server.
 */
public final class OpenApiImporter {

    /** Documents larger than this are refused (the parser holds the whole document in memory). */
    public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    private final Set<String> operations;
    private final String name;

    private OpenApiImporter(Builder builder) {
        this.operations = Set.copyOf(builder.operations);
        this.name = builder.name;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Imports a document from a file (JSON or YAML, OpenAPI 2.0 or 3.x).
     *
     * @throws OpenApiImportException if the file cannot be read or parsed, or has no list operation selected
     */
    public ImportResult importSpec(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw new OpenApiImportException(file + ": larger than " + MAX_DOCUMENT_BYTES + " bytes",
                        "trim the document to the operations you need", null);
            }
            return importSpec(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new OpenApiImportException(file + ": cannot read (" + e.getMessage() + ")",
                    "check the path", e);
        }
    }

    /**
     * Imports a document given as text.
     *
     * @param document the document, JSON or YAML
     * @param sourceName a name for messages (a file name)
     * @throws OpenApiImportException if it cannot be parsed or has no list operation selected
     */
    public ImportResult importSpec(String document, String sourceName) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(sourceName, "sourceName");
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed;
        try {
            parsed = new OpenAPIParser().readContents(document, null, options);
        } catch (RuntimeException e) {
            throw new OpenApiImportException(sourceName + ": not an OpenAPI document (" + e.getMessage() + ")",
                    "pass an OpenAPI 2.0 or 3.x document, JSON or YAML", e);
        }
        OpenAPI api = parsed == null ? null : parsed.getOpenAPI();
        List<String> messages = parsed == null || parsed.getMessages() == null ? List.of() : parsed.getMessages();
        if (api == null || api.getPaths() == null || api.getPaths().isEmpty()) {
            throw new OpenApiImportException(sourceName + ": not an OpenAPI document, or one without paths"
                    + (messages.isEmpty() ? "" : " (" + messages.get(0) + ")"),
                    "pass an OpenAPI 2.0 or 3.x document, JSON or YAML", null);
        }
        String service = name != null ? name : Names.service(api, sourceName);
        Auth.Choice auth = Auth.choose(api, service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        Schemas schemas = new Schemas(api);
        Guesses guesses = new Guesses(schemas, new Pagination(schemas),
                new RequestBodies(schemas, service.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        List<StreamDraft> drafts = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            Operation get = entry.getValue().getGet();
            if (get != null && selected(entry.getKey(), get)) {
                guesses.listStream(entry.getKey(), entry.getValue(), get).ifPresent(d -> {
                    d.name = Names.stream(entry.getKey(), get.getOperationId(), taken);
                    drafts.add(d);
                });
            }
            Operation post = entry.getValue().getPost();
            if (post != null && selected(entry.getKey(), post)) {
                guesses.postListStream(entry.getKey(), entry.getValue(), post).ifPresent(d -> {
                    d.name = Names.stream(entry.getKey(), post.getOperationId(), taken);
                    drafts.add(d);
                });
            }
        }
        if (drafts.isEmpty()) {
            throw new OpenApiImportException(sourceName + ": no list operation " + (operations.isEmpty()
                    ? "(a GET answering an array, or an object with an array property; or a POST with a cursor in "
                            + "its JSON body answering one with a next cursor)"
                    : "among " + operations), "check --operations against the document's operationIds or paths", null);
        }
        String yaml = new DraftWriter(api, sourceName, service, auth).write(drafts);
        List<OperationFinding> findings = drafts.stream().map(d -> new OperationFinding(d.method, d.path, d.name,
                d.records == null ? null : d.records.value(), d.paginatorType, auth == null ? null : auth.type(),
                d.primaryKey == null ? null : d.primaryKey.value(),
                d.cursorField == null ? null : d.cursorField.value(), d.notes)).toList();
        return new ImportResult(yaml, findings, messages);
    }

    private boolean selected(String path, Operation operation) {
        return operations.isEmpty() || operations.contains(path)
                || (operation.getOperationId() != null && operations.contains(operation.getOperationId()));
    }

    @Override
    public String toString() {
        return "OpenApiImporter[operations=" + (operations.isEmpty() ? "all" : operations) + "]";
    }

    /** Builds an {@link OpenApiImporter}. Not thread-safe. */
    public static final class Builder {

        private final Set<String> operations = new LinkedHashSet<>();
        private String name;

        private Builder() {
        }

        /**
         * Imports only these operations, each an {@code operationId} or a path ({@code /v1/charges});
         * default: every list operation.
         */
        public Builder operations(java.util.Collection<String> idsOrPaths) {
            Objects.requireNonNull(idsOrPaths, "idsOrPaths").forEach(o -> operations.add(Objects.requireNonNull(o)));
            return this;
        }

        /**
         * The definition's name ({@code [a-z0-9][a-z0-9_-]*}); default: derived from the document's title.
         *
         * @throws IllegalArgumentException if it is not a valid definition name
         */
        public Builder name(String definitionName) {
            if (definitionName == null || !definitionName.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("definition name `" + definitionName
                        + "` must match [a-z0-9][a-z0-9_-]*");
            }
            this.name = definitionName;
            return this;
        }

        /** The importer. */
        public OpenApiImporter build() {
            return new OpenApiImporter(this);
        }
    }
}
