package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Decides whether an operation lists records, and guesses its records pointer, keys and incremental field. */
final class Guesses {

    private static final List<String> RECORD_ARRAYS = List.of("data", "items", "results", "records", "values",
            "entries", "elements", "list", "value", "nodes", "rows", "objects", "hits", "content", "collection",
            "added");
    private static final List<String> KEYS = List.of("id", "uuid", "key", "_id", "guid", "uid");
    private static final List<String> UPDATED = List.of("updated_at", "updatedat", "modified_at", "modifiedat",
            "last_modified", "lastmodified", "updated", "modified", "date_modified", "datemodified", "updated_time",
            "updatedtime", "last_updated", "lastupdated", "last_modified_at", "lastmodifiedat", "modified_date",
            "updated_date", "modification_date", "update_time", "updatetime");
    private static final List<String> SINCE_PARAMS = List.of("updated_since", "updated_after", "updated_at_min",
            "modified_since", "modified_after", "updatedsince", "updatedafter", "modifiedsince", "modifiedafter",
            "since", "updated_at[gte]", "updated[gte]", "updated_at_from", "updatedfrom", "last_modified_since",
            "changed_since", "min_updated_at", "from_updated_at");

    private final Schemas schemas;
    private final Pagination pagination;
    private final RequestBodies bodies;

    Guesses(Schemas schemas, Pagination pagination, RequestBodies bodies) {
        this.schemas = schemas;
        this.pagination = pagination;
        this.bodies = bodies;
    }

    /** The stream draft of a GET operation, or empty when it does not answer a list. */
    Optional<StreamDraft> listStream(String path, PathItem item, Operation get) {
        return list(path, item, get, null, null);
    }

    /**
     * The stream draft of a POST that pages by a cursor in its JSON body and answers a list (Plaid's
     * {@code /transactions/sync}), or empty: a POST without a cursor in its body, or whose answer names no
     * next cursor, creates something rather than lists.
     */
    @SuppressWarnings("rawtypes")
    Optional<StreamDraft> postListStream(String path, PathItem item, Operation post) {
        Optional<Schema> request = schemas.requestBody(post);
        Optional<String> cursor = request.flatMap(bodies::cursorField);
        return cursor.isEmpty() ? Optional.empty() : list(path, item, post, request.get(), cursor.get());
    }

    @SuppressWarnings("rawtypes")
    private Optional<StreamDraft> list(String path, PathItem item, Operation get, Schema request, String bodyCursor) {
        Optional<ApiResponse> response = schemas.success(get);
        Optional<Schema> body = response.flatMap(schemas::body);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        StreamDraft draft = new StreamDraft();
        draft.path = path;
        draft.summary = get.getSummary();
        Schema item0;
        if (Schemas.isArray(body.get())) {
            draft.records = new StreamDraft.Guess("", "the response body is an array");
            item0 = body.get().getItems();
        } else {
            Map<String, Schema> properties = schemas.properties(body.get());
            List<String> arrays = new ArrayList<>();
            properties.forEach((name, schema) -> {
                if (Schemas.isArray(schemas.resolve(schema))) {
                    arrays.add(name);
                }
            });
            if (arrays.isEmpty()) {
                return Optional.empty();
            }
            String chosen = arrays.stream().filter(a -> RECORD_ARRAYS.contains(a.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(arrays.get(0));
            String why = arrays.size() == 1 ? "the response's only array property"
                    : "array property `" + chosen + "` of " + arrays;
            draft.records = new StreamDraft.Guess("/" + Pagination.escape(chosen), why);
            item0 = schemas.resolve(properties.get(chosen)).getItems();
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : parameters(item, get)) {
            if ("query".equals(p.getIn())) {
                query.put(p.getName().toLowerCase(Locale.ROOT), p.getName());
            } else if ("path".equals(p.getIn()) && !draft.pathInputs.contains(p.getName())) {
                draft.pathInputs.add(p.getName());
            }
        }
        for (Parameter p : parameters(item, get)) {
            if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
                draft.requiredParams.put(p.getName(), Names.slug(p.getName()));
            }
        }
        if (request == null) {
            pagination.detect(draft, query, body.get(), response.get());
        } else {
            draft.method = "POST";
            String id = (path + " " + (get.getOperationId() == null ? "" : get.getOperationId())).toLowerCase(Locale.ROOT);
            boolean sync = id.contains("sync") || pagination.cursorField(body.get())
                    .map(p -> pagination.documentedForFutureUpdates(body.get(), p)).orElse(false);
            pagination.detectRequestBody(draft, bodyCursor, body.get(), sync);
            if (draft.paginatorType == null) {
                return Optional.empty();
            }
            bodies.draft(draft, request, bodyCursor);
        }
        if (draft.paginatorType != null) {
            // A paginator sets its own parameters; they are not inputs.
            draft.paginatorKeys.forEach((k, v) -> draft.requiredParams.remove(v));
        }
        Map<String, Schema> fields = schemas.properties(item0);
        // Named after the record's schema: a Transaction's `transaction_id` (Plaid), a Ticket's `ticket_id`.
        String typeName = item0 == null ? null : item0.get$ref() != null
                ? item0.get$ref().substring(item0.get$ref().lastIndexOf('/') + 1) : item0.getTitle();
        List<String> keys = new ArrayList<>(KEYS);
        if (typeName != null && !Names.slug(typeName).isEmpty()) {
            keys.add(Names.slug(typeName) + "_id");
        }
        for (String key : keys) {
            String actual = fields.keySet().stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(key)).findFirst()
                    .orElse(null);
            if (actual != null) {
                draft.primaryKey = new StreamDraft.Guess("/" + Pagination.escape(actual),
                        "the record's `" + actual + "` field");
                break;
            }
        }
        for (String field : UPDATED) {
            String actual = fields.keySet().stream().filter(f -> f.toLowerCase(Locale.ROOT).equals(field))
                    .findFirst().orElse(null);
            if (actual != null) {
                draft.cursorField = new StreamDraft.Guess("/" + Pagination.escape(actual),
                        "the record's `" + actual + "` field looks like a last-modified time");
                for (String since : SINCE_PARAMS) {
                    if (query.containsKey(since)) {
                        draft.sinceParam = new StreamDraft.Guess(query.get(since),
                                "parameter `" + query.get(since) + "` looks like a lower bound on it");
                        break;
                    }
                }
                break;
            }
        }
        if (draft.paginatorType == null) {
            draft.notes.add("no paging parameters or fields found");
        }
        if (item0 == null || fields.isEmpty()) {
            draft.notes.add("the records' schema has no properties: no primary key or incremental field guessed");
        }
        return Optional.of(draft);
    }

    private List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        List<Parameter> resolved = new ArrayList<>();
        for (Parameter p : all) {
            Parameter r = p;
            if (p.get$ref() != null) {
                r = schemasParameter(p.get$ref());
            }
            if (r != null && r.getName() != null && r.getIn() != null) {
                resolved.add(r);
            }
        }
        return resolved;
    }

    private Parameter schemasParameter(String ref) {
        return schemas.parameter(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
