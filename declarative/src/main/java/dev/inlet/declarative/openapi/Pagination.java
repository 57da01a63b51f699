package dev.inlet.declarative.openapi;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Detects how a list operation pages, from its query parameters and its response's fields and headers,
 * in order of how specific the evidence is: Stripe-style {@code starting_after}+{@code has_more}, a
 * next-URL field, a cursor parameter with a cursor field, a documented {@code Link} header, page
 * numbers, offsets.
 */
final class Pagination {

    static final List<String> CURSOR_PARAMS = List.of("cursor", "after", "page_token", "pagetoken",
            "next_token", "nexttoken", "next_cursor", "continuation", "continuationtoken", "continuation_token",
            "starting_after", "page_after", "marker", "next", "start_cursor", "next_page_token", "since_id");
    private static final List<String> CURSOR_FIELDS = List.of("next_cursor", "nextcursor", "next_page_token",
            "nextpagetoken", "cursor", "next_token", "nexttoken", "continuation", "continuationtoken",
            "continuation_token", "after", "end_cursor", "endcursor", "next_marker", "nextmarker", "marker",
            "next_start_cursor", "offset_token", "next_offset_token");
    private static final List<String> NEXT_URL_FIELDS = List.of("next", "next_url", "nexturl", "next_link",
            "nextlink", "@odata.nextlink", "next_page_url", "nextpageurl", "next_page", "nextpage", "next_href");
    private static final List<String> CONTAINERS = List.of("", "meta", "paging", "pagination", "links", "_links",
            "response_metadata", "metadata", "page", "cursor", "page_info", "pageinfo", "next");
    private static final List<String> PAGE_PARAMS = List.of("page", "page_number", "pagenumber", "page_num",
            "pagenum", "pageindex", "page_index");
    private static final List<String> OFFSET_PARAMS = List.of("offset", "skip", "start", "from", "$skip",
            "startindex", "start_index");
    static final List<String> SIZE_PARAMS = List.of("per_page", "perpage", "page_size", "pagesize",
            "limit", "size", "count", "max_results", "maxresults", "$top", "top", "pagelimit", "page_limit",
            "results_per_page", "maxitems", "max");

    private final Schemas schemas;

    Pagination(Schemas schemas) {
        this.schemas = schemas;
    }

    @SuppressWarnings("rawtypes")
    void detect(StreamDraft draft, Map<String, String> queryParams, Schema body, ApiResponse response) {
        String startingAfter = find(queryParams, List.of("starting_after"));
        Optional<String> hasMore = field(body, List.of("has_more", "hasmore", "has_next", "hasnext"));
        if (startingAfter != null && hasMore.isPresent()) {
            set(draft, "last_record_cursor", "parameter `" + startingAfter + "` and response field `"
                    + hasMore.get() + "` (Stripe-style)");
            draft.paginatorKeys.put("param", startingAfter);
            draft.paginatorKeys.put("id", "/id");
            draft.paginatorKeys.put("has_more", hasMore.get());
            return;
        }
        Optional<String> nextUrl = field(body, NEXT_URL_FIELDS).filter(pointer -> looksLikeUrl(body, pointer));
        if (nextUrl.isPresent()) {
            set(draft, "next_url", "response field `" + nextUrl.get() + "` looks like the next page's URL");
            draft.paginatorKeys.put("url", nextUrl.get());
            draft.paginatorKeys.put("absent_means_end", "true");
            return;
        }
        String cursorParam = find(queryParams, CURSOR_PARAMS);
        Optional<String> cursorField = field(body, CURSOR_FIELDS);
        if (cursorParam != null && cursorField.isPresent()) {
            set(draft, "body_cursor", "parameter `" + cursorParam + "` and response field `" + cursorField.get() + "`");
            draft.paginatorKeys.put("param", cursorParam);
            draft.paginatorKeys.put("cursor", cursorField.get());
            draft.paginatorKeys.put("absent_means_end", "true");
            return;
        }
        if (response != null && response.getHeaders() != null && response.getHeaders().keySet().stream()
                .anyMatch(h -> h.equalsIgnoreCase("link"))) {
            set(draft, "link_header", "the response documents a `Link` header");
            return;
        }
        String size = find(queryParams, SIZE_PARAMS);
        String page = find(queryParams, PAGE_PARAMS);
        if (page != null) {
            set(draft, "page_number", "parameter `" + page + "`" + (size == null ? "" : " with `" + size + "`"));
            draft.paginatorKeys.put("param", page);
            if (size != null) {
                draft.paginatorKeys.put("size_param", size);
            }
            return;
        }
        String offset = find(queryParams, OFFSET_PARAMS);
        if (offset != null) {
            set(draft, "offset", "parameter `" + offset + "`" + (size == null ? "" : " with `" + size + "`"));
            draft.paginatorKeys.put("param", offset);
            if (size != null) {
                draft.paginatorKeys.put("size_param", size);
            }
            return;
        }
        if (cursorParam != null) {
            draft.notes.add("parameter `" + cursorParam + "` looks like a cursor, but no response field carries "
                    + "the next one: paginator left as none");
        }
    }

    /**
     * A POST list whose cursor goes in the request body (Plaid's {@code /transactions/sync}): pages by the
     * response's cursor field, while its has-more flag; a sync (by its name, or a cursor documented as being
     * for future updates) keeps the last page's cursor for the next run. Leaves the draft without a paginator
     * when the response carries no cursor.
     */
    @SuppressWarnings("rawtypes")
    void detectRequestBody(StreamDraft draft, String bodyField, Schema response, boolean sync) {
        Optional<String> cursor = field(response, CURSOR_FIELDS);
        if (cursor.isEmpty()) {
            return;
        }
        Optional<String> hasMore = field(response, List.of("has_more", "hasmore", "has_next", "hasnext"));
        set(draft, "request_body_cursor", "request body field `" + bodyField + "` and response field `" + cursor.get()
                + "`" + hasMore.map(h -> " while `" + h + "`").orElse("") + (sync ? "; a sync: its last cursor is "
                + "where the next run continues" : ""));
        draft.paginatorKeys.put("body_field", "/" + escape(bodyField));
        draft.paginatorKeys.put("cursor", cursor.get());
        hasMore.ifPresent(h -> draft.paginatorKeys.put("has_more", h));
        if (sync) {
            draft.paginatorKeys.put("continue_from", cursor.get());
        }
    }

    /** Whether a response field's schema documents it as a cursor for later (future) updates. */
    @SuppressWarnings("rawtypes")
    boolean documentedForFutureUpdates(Schema response, String pointer) {
        Schema s = schemaAt(response, pointer);
        String description = s == null || s.getDescription() == null ? "" : s.getDescription().toLowerCase(Locale.ROOT);
        return description.contains("future update") || description.contains("next sync");
    }

    /** The cursor field a response names, if any (for a POST list's sync detection). */
    @SuppressWarnings("rawtypes")
    Optional<String> cursorField(Schema response) {
        return field(response, CURSOR_FIELDS);
    }

    /** A field named plainly `next`/`next_page` is a URL only if its schema says so (Stripe's is a token). */
    @SuppressWarnings("rawtypes")
    private boolean looksLikeUrl(Schema body, String pointer) {
        String name = pointer.substring(pointer.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("url") || name.contains("link") || name.contains("href")) {
            return true;
        }
        Schema s = schemaAt(body, pointer);
        if (s == null) {
            return false;
        }
        String format = s.getFormat() == null ? "" : s.getFormat().toLowerCase(Locale.ROOT);
        String description = s.getDescription() == null ? "" : s.getDescription().toLowerCase(Locale.ROOT);
        return format.startsWith("ur") || description.contains("url") || description.contains("uri")
                || description.contains("link");
    }

    /** The resolved schema of the field at a JSON Pointer into a body schema, or null. */
    @SuppressWarnings("rawtypes")
    private Schema schemaAt(Schema body, String pointer) {
        Schema s = body;
        for (String token : pointer.substring(1).split("/")) {
            s = s == null ? null : schemas.properties(s).get(token.replace("~1", "/").replace("~0", "~"));
        }
        return schemas.resolve(s);
    }

    private static void set(StreamDraft draft, String type, String why) {
        draft.paginatorType = type;
        draft.paginatorWhy = why;
    }

    private static String find(Map<String, String> params, List<String> candidates) {
        for (String candidate : candidates) {
            String actual = params.get(candidate);
            if (actual != null) {
                return actual;
            }
        }
        return null;
    }

    /** A pointer to a field named like one of the candidates, at the top level or one container down. */
    @SuppressWarnings("rawtypes")
    private Optional<String> field(Schema body, List<String> candidates) {
        if (body == null) {
            return Optional.empty();
        }
        Map<String, Schema> top = schemas.properties(body);
        Set<String> wanted = Set.copyOf(candidates);
        for (String container : CONTAINERS) {
            Map<String, Schema> level;
            String prefix;
            if (container.isEmpty()) {
                level = top;
                prefix = "";
            } else {
                String actual = top.keySet().stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(container))
                        .findFirst().orElse(null);
                if (actual == null) {
                    continue;
                }
                level = schemas.properties(top.get(actual));
                prefix = "/" + escape(actual);
            }
            for (String name : level.keySet()) {
                if (wanted.contains(name.toLowerCase(Locale.ROOT))) {
                    Schema s = schemas.resolve(level.get(name));
                    if (s == null || !"object".equals(s.getType()) || candidates == CURSOR_FIELDS) {
                        return Optional.of(prefix + "/" + escape(name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
