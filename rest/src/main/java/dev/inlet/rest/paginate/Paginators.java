package dev.inlet.rest.paginate;

import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.http.Request;
import java.net.URI;
import java.util.Optional;

/** The built-in paginators. Each is immutable and thread-safe. */
public final class Paginators {

    private static final Paginator SINGLE_PAGE = new Paginator() {
        @Override
        public Request apply(Request first, Position position) {
            return first;
        }

        @Override
        public Optional<String> nextToken(PageFacts page) {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "singlePage";
        }
    };

    private Paginators() {
    }

    /** No paging: the endpoint returns everything in one response. */
    public static Paginator singlePage() {
        return SINGLE_PAGE;
    }

    /**
     * Offset and limit: {@code ?offset=0&limit=100}, then {@code offset=100} … until an empty page.
     *
     * @param offsetParam the offset parameter's name
     * @param limitParam the limit parameter's name
     * @param limit the page size to ask for
     */
    public static Paginator offset(String offsetParam, String limitParam, int limit) {
        requirePositive(limit, "limit");
        return new OffsetPaginator(offsetParam, requireName(limitParam, "limit parameter"), limit, 0);
    }

    /**
     * Page numbers: {@code ?page=1&per_page=100}, then {@code page=2} … until an empty page.
     *
     * @param pageParam the page parameter's name
     * @param firstPage the first page's number (usually 1, sometimes 0)
     * @param sizeParam the page-size parameter's name
     * @param size the page size to ask for
     */
    public static Paginator pageNumber(String pageParam, long firstPage, String sizeParam, int size) {
        requirePositive(size, "size");
        return new PageNumberPaginator(pageParam, firstPage, requireName(sizeParam, "size parameter"), size);
    }

    /** Page numbers without a size parameter: {@code ?page=1}, {@code page=2} … until an empty page. */
    public static Paginator pageNumber(String pageParam, long firstPage) {
        return new PageNumberPaginator(pageParam, firstPage, null, 0);
    }

    /**
     * A cursor read from the body and sent as a query parameter, e.g. HubSpot:
     * {@code bodyCursor("after", "/paging/next/after")}. Ends when the cursor is absent or empty.
     */
    public static Paginator bodyCursor(String param, String cursorPointer) {
        return new BodyCursorPaginator(param, cursorPointer);
    }

    /**
     * A cursor read from the response body and written into the JSON body of the next POST, left out of
     * the first request ({@link FirstCursor#OMIT}); ends when the cursor is null or empty, e.g.
     * {@code requestBodyCursor("/cursor", "/next_cursor")}. The endpoint's body is the template for every
     * request; a saved {@link Position} holds only the cursor, never the body's other fields (secrets).
     *
     * @param bodyPointer where the cursor goes in the request body, a JSON Pointer to a field
     * @param cursorPointer where the next cursor is in the response body
     */
    public static Paginator requestBodyCursor(String bodyPointer, String cursorPointer) {
        return new RequestBodyCursorPaginator(bodyPointer, cursorPointer, null, FirstCursor.OMIT);
    }

    /**
     * A cursor written into the JSON body of the next POST while a has-more flag is true, e.g. Plaid's
     * {@code /transactions/sync}: {@code requestBodyCursor("/cursor", "/next_cursor", "/has_more",
     * FirstCursor.OMIT)}. A false or null flag ends (Plaid's last page still has a cursor, for the next
     * sync); a true flag next to no cursor is a {@link PaginationException}. Objects on the way to
     * {@code bodyPointer} that the body lacks are created; a body that is not a JSON object, or a
     * non-object on the way, is a {@link PaginationException} at the first request.
     *
     * @param bodyPointer where the cursor goes in the request body, a JSON Pointer to a field
     * @param cursorPointer where the next cursor is in the response body
     * @param hasMorePointer the has-more flag in the response body; null to end on a null or empty cursor
     * @param first how the field looks on the first request
     */
    public static Paginator requestBodyCursor(String bodyPointer, String cursorPointer, String hasMorePointer,
            FirstCursor first) {
        return new RequestBodyCursorPaginator(bodyPointer, cursorPointer, hasMorePointer, first);
    }

    /**
     * The last record's id as the next cursor, while a has-more flag is true, e.g. Stripe:
     * {@code lastRecordCursor("starting_after", "/id", "/has_more")}. Pass null as
     * {@code hasMorePointer} to end on an empty page instead.
     */
    public static Paginator lastRecordCursor(String param, String idPointer, String hasMorePointer) {
        return new LastRecordCursorPaginator(param, idPointer, hasMorePointer);
    }

    /** Stripe's list convention: {@code starting_after} = last {@code id}, while {@code has_more}. */
    public static Paginator stripe() {
        return lastRecordCursor("starting_after", "/id", "/has_more");
    }

    /** A cursor from a response header, sent back as a query parameter. */
    public static Paginator headerCursor(String header, String param) {
        return new HeaderCursorPaginator(header, param);
    }

    /** The {@code Link} header's {@code rel="next"} target (GitHub style). */
    public static Paginator linkHeader() {
        return new LinkHeaderPaginator("next");
    }

    /** The {@code Link} header's target with another relation type. */
    public static Paginator linkHeader(String rel) {
        return new LinkHeaderPaginator(rel);
    }

    /** A next-page URL in the body at the pointer, e.g. {@code "/next"} or {@code "/@odata.nextLink"}. */
    public static Paginator nextUrl(String pointer) {
        return new NextUrlPaginator(pointer);
    }

    /**
     * The paginator, with the last page's field at the pointer as where the <em>next run</em> starts: for
     * sync APIs, e.g. Plaid: {@code continuing(requestBodyCursor("/cursor", "/next_cursor", "/has_more",
     * FirstCursor.OMIT), "/next_cursor")}, or a Microsoft Graph delta query: {@code
     * continuing(nextUrl("/@odata.nextLink"), "/@odata.deltaLink")}. The token goes into the first request
     * of the next run the way the paginator puts any token (it must be one the paginator understands). A
     * checkpointed run saves it ({@code ConnectorState.continuation()}); a plain {@code Connector.pages()}
     * run shows it as {@code Page.continuation()} on the last page. Null or empty ends the chain: the next
     * run starts at the beginning; an absent field is a {@link PaginationException} unless the endpoint
     * declares {@code absentMeansEnd()}. Continuation URLs get the same secret stripping and origin check
     * as next-page URLs.
     *
     * @param paging how pages within one run follow each other
     * @param pointer where the continuation is in the last page's body
     */
    public static Paginator continuing(Paginator paging, String pointer) {
        return new ContinuingPaginator(paging, pointer);
    }

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        return name;
    }

    static String requirePointer(String pointer) {
        if (pointer == null || !pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer is empty or starts with '/', got \"" + pointer + "\"");
        }
        return pointer;
    }

    private static void requirePositive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, was " + n);
        }
    }

    static long parseLong(String token, String what, Position position) {
        try {
            return Long.parseLong(token.trim());
        } catch (NumberFormatException e) {
            throw new PaginationException("The saved position's " + what + " is not a number: '" + token + "' ("
                    + position.describe() + ")", "Resume from a position saved by the same paginator");
        }
    }

    static URI parseUrl(String token, Position position) {
        try {
            URI uri = URI.create(token);
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("relative");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new PaginationException("The saved position's next URL is not an absolute URL ("
                    + position.describe() + ")", "Resume from a position saved by the same paginator");
        }
    }
}
