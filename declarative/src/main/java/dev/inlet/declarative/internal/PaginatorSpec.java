package dev.inlet.declarative.internal;

import dev.inlet.rest.paginate.FirstCursor;
import dev.inlet.rest.paginate.Paginator;
import dev.inlet.rest.paginate.Paginators;
import java.util.List;

/**
 * <b>Internal.</b> A stream's paginator as a definition writes it ({@code paginator: {type: offset, …}}),
 * mapped onto the rest module's {@link Paginators}. Immutable.
 *
 * @param type the paginator type
 * @param param the query parameter that carries the offset, page number or cursor
 * @param sizeParam the page-size parameter, or null
 * @param size the page size (0: none sent)
 * @param firstPage the first page number ({@code page_number})
 * @param pointer the JSON Pointer of the cursor, the next URL or the has-more flag
 * @param idPointer the last record's id pointer ({@code last_record_cursor})
 * @param header the response header of the cursor ({@code header_cursor})
 * @param rel the {@code Link} relation ({@code link_header})
 * @param absentMeansEnd whether a missing cursor field ends the stream instead of failing it
 * @param bodyField where the cursor goes in the POST body ({@code request_body_cursor}), or null
 * @param hasMore the has-more flag of a {@code request_body_cursor}, or null
 * @param firstCursor the cursor field on the first request of a {@code request_body_cursor}: {@code omit},
 *     {@code null} or {@code empty}
 * @param continueFrom where the last page says the next run starts ({@code continue_from}: a sync API's
 *     final cursor), or null: every run starts at the beginning
 */
public record PaginatorSpec(String type, String param, String sizeParam, int size, long firstPage, String pointer,
        String idPointer, String header, String rel, boolean absentMeansEnd, String bodyField, String hasMore,
        String firstCursor, String continueFrom) {

    /** The paginator types. */
    public static final List<String> TYPES = List.of("none", "offset", "page_number", "body_cursor",
            "last_record_cursor", "header_cursor", "link_header", "next_url", "request_body_cursor");

    /** How the cursor field looks on the first request of a {@code request_body_cursor}. */
    static final List<String> FIRST_CURSORS = List.of("omit", "null", "empty");

    /** The keys a paginator block may have. */
    static final String[] KEYS = {"use", "type", "param", "size_param", "size", "first_page", "cursor", "has_more",
            "id", "header", "rel", "url", "absent_means_end", "body_field", "first_cursor", "continue_from"};

    /** No paging. */
    public static final PaginatorSpec NONE = new PaginatorSpec("none", null, null, 0, 0, null, null, null, null,
            false, null, null, null, null);

    /** The rest module's paginator. */
    public Paginator paginator() {
        Paginator paging = paging();
        return continueFrom == null ? paging : Paginators.continuing(paging, continueFrom);
    }

    private Paginator paging() {
        return switch (type) {
            case "offset" -> Paginators.offset(param, sizeParam, size);
            case "page_number" -> sizeParam == null ? Paginators.pageNumber(param, firstPage)
                    : Paginators.pageNumber(param, firstPage, sizeParam, size);
            case "body_cursor" -> Paginators.bodyCursor(param, pointer);
            case "last_record_cursor" -> Paginators.lastRecordCursor(param, idPointer, pointer);
            case "header_cursor" -> Paginators.headerCursor(header, param);
            case "link_header" -> Paginators.linkHeader(rel);
            case "next_url" -> Paginators.nextUrl(pointer);
            case "request_body_cursor" -> Paginators.requestBodyCursor(bodyField, pointer, hasMore,
                    FirstCursor.valueOf(firstCursor.toUpperCase(java.util.Locale.ROOT)));
            default -> Paginators.singlePage();
        };
    }

    /** Reads a paginator block, with a shared block it {@code use}s as the base (its keys overridden). */
    static PaginatorSpec read(Node node, Node.Mapping shared) {
        Section section = Section.of(node, "a paginator", KEYS);
        Section base = null;
        if (section.has("use") && shared == null) {
            throw Errors.at(section.get("use"), "a shared paginator cannot `use` another", "the block written out");
        }
        if (section.has("use")) {
            String name = section.word("use");
            Node block = shared == null ? null : shared.get(name);
            if (block == null) {
                List<String> names = shared == null ? List.of() : List.copyOf(shared.entries().keySet());
                throw Errors.at(section.get("use"), "no shared paginator `" + name + "`",
                        names.isEmpty() ? "a block under the top-level `paginators:`"
                                : "one of " + String.join(", ", names), Suggestions.nearest(name, names));
            }
            base = Section.of(block, "a paginator", KEYS);
            if (base.has("use")) {
                throw Errors.at(base.get("use"), "a shared paginator cannot `use` another", "the block written out");
            }
        }
        Section s = section;
        Section b = base;
        java.util.function.Function<String, Section> from = key -> s.has(key) || b == null ? s : b;
        String type = from.apply("type").choice("type", null, TYPES);
        if (type == null) {
            throw Errors.at(node, "the paginator has no `type`", "type: one of " + String.join(", ", TYPES));
        }
        String param = from.apply("param").word("param", defaultParam(type));
        String sizeParam = from.apply("size_param").word("size_param", defaultSizeParam(type));
        long size = from.apply("size").integer("size", 100);
        if (size < 1 || size > 100_000) {
            throw Errors.at(from.apply("size").get("size"), "page size " + size + " is out of range", "1 to 100000");
        }
        long firstPage = from.apply("first_page").integer("first_page", 1);
        String pointer = switch (type) {
            case "body_cursor", "request_body_cursor" -> pointer(from.apply("cursor"), "cursor", null, true);
            case "last_record_cursor" -> pointer(from.apply("has_more"), "has_more", null, false);
            case "next_url" -> pointer(from.apply("url"), "url", null, true);
            default -> null;
        };
        String idPointer = "last_record_cursor".equals(type) ? pointer(from.apply("id"), "id", "/id", false) : null;
        String header = "header_cursor".equals(type) ? from.apply("header").word("header") : null;
        String rel = from.apply("rel").word("rel", "next");
        boolean absentMeansEnd = from.apply("absent_means_end").bool("absent_means_end", false);
        boolean inBody = "request_body_cursor".equals(type);
        String bodyField = inBody ? pointer(from.apply("body_field"), "body_field", null, true) : null;
        if (inBody && bodyField.isEmpty()) {
            throw Errors.at(from.apply("body_field").get("body_field"), "the cursor cannot be the whole body",
                    "a pointer to a field of the body, such as /cursor");
        }
        String hasMore = inBody ? pointer(from.apply("has_more"), "has_more", null, false) : null;
        String firstCursor = inBody ? from.apply("first_cursor").choice("first_cursor", "omit", FIRST_CURSORS) : null;
        String continueFrom = pointer(from.apply("continue_from"), "continue_from", null, false);
        if (continueFrom != null && continueFrom.isEmpty()) {
            throw Errors.at(from.apply("continue_from").get("continue_from"), "the next run cannot continue from the "
                    + "whole body", "a pointer to the last page's field, such as /next_cursor");
        }
        rejectIrrelevant(s, type);
        return new PaginatorSpec(type, param, sizeParam, (int) size, firstPage, pointer, idPointer, header, rel,
                absentMeansEnd, bodyField, hasMore, firstCursor, continueFrom);
    }

    private static String pointer(Section section, String key, String defaultValue, boolean required) {
        if (required) {
            section.require(key);
        }
        String value = section.word(key, defaultValue);
        if (value != null && !value.isEmpty() && value.charAt(0) != '/') {
            throw Errors.at(section.get(key), "`" + value + "` is not a JSON Pointer", "a pointer such as /" + value,
                    "/" + value);
        }
        return value;
    }

    private static String defaultParam(String type) {
        return switch (type) {
            case "offset" -> "offset";
            case "page_number" -> "page";
            case "body_cursor" -> "after";
            case "last_record_cursor" -> "starting_after";
            case "header_cursor" -> "cursor";
            default -> null;
        };
    }

    private static String defaultSizeParam(String type) {
        return switch (type) {
            case "offset" -> "limit";
            case "page_number" -> "per_page";
            default -> null;
        };
    }

    /** A key that the type does not read is an error, not silently ignored. */
    private static void rejectIrrelevant(Section section, String type) {
        List<String> relevant = switch (type) {
            // continue_from only where the token it gives goes where this paginator puts its tokens.
            case "offset" -> List.of("param", "size_param", "size");
            case "page_number" -> List.of("param", "size_param", "size", "first_page");
            case "body_cursor" -> List.of("param", "cursor", "size_param", "size", "absent_means_end", "continue_from");
            case "last_record_cursor" -> List.of("param", "id", "has_more", "size_param", "size");
            case "header_cursor" -> List.of("param", "header", "size_param", "size", "continue_from");
            case "link_header" -> List.of("rel", "size_param", "size");
            case "next_url" -> List.of("url", "size_param", "size", "absent_means_end", "continue_from");
            // The page size of a POST list is a field of its body, written there.
            case "request_body_cursor" -> List.of("body_field", "cursor", "has_more", "first_cursor",
                    "absent_means_end", "continue_from");
            default -> List.of();
        };
        for (String key : section.node().entries().keySet()) {
            if (!key.equals("use") && !key.equals("type") && !relevant.contains(key)) {
                Node value = section.get(key);
                throw Errors.at(section.node().keyLocation(key), value.path(),
                        "`" + key + "` does not apply to a " + type + " paginator",
                        relevant.isEmpty() ? "no other keys" : "one of type, " + String.join(", ", relevant),
                        Suggestions.nearest(key, relevant));
            }
        }
    }
}
