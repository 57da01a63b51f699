package dev.inlet.testkit;

/**
 * How a {@link FakeApi} pages its records: one of the styles Inlet's paginators read. Immutable.
 * Every page's body is {@code {"data": [records…], "total": n, …}}; the style adds what it needs.
 *
 * <table>
 *   <caption>Styles and the matching paginator</caption>
 *   <tr><th>style</th><th>the fake</th><th>Inlet</th></tr>
 *   <tr><td>{@link #offset}</td><td>{@code ?offset=&limit=}, ends with an empty page</td>
 *       <td>{@code Paginators.offset("offset", "limit", n)}</td></tr>
 *   <tr><td>{@link #pageNumber}</td><td>{@code ?page=&per_page=}, first page 1, ends with an empty page</td>
 *       <td>{@code Paginators.pageNumber("page", 1, "per_page", n)}</td></tr>
 *   <tr><td>{@link #bodyCursor}</td><td>{@code "paging":{"next":{"after":c}}}, sent back as {@code ?after=c}
 *       ({@code null} on the last page)</td>
 *       <td>{@code Paginators.bodyCursor("after", "/paging/next/after")}</td></tr>
 *   <tr><td>{@link #lastRecordId}</td><td>{@code ?starting_after=<last id>} while {@code "has_more":true}</td>
 *       <td>{@code Paginators.stripe()}</td></tr>
 *   <tr><td>{@link #headerCursor}</td><td>header {@code X-Next-Cursor: c}, sent back as {@code ?cursor=c}</td>
 *       <td>{@code Paginators.headerCursor("X-Next-Cursor", "cursor")}</td></tr>
 *   <tr><td>{@link #linkHeader}</td><td>{@code Link: <…?after=c>; rel="next"}</td>
 *       <td>{@code Paginators.linkHeader()}</td></tr>
 *   <tr><td>{@link #nextUrl}</td><td>{@code "next": "http://…?after=c"} (null on the last page)</td>
 *       <td>{@code Paginators.nextUrl("/next")}</td></tr>
 *   <tr><td>{@link #relay}</td><td>GraphQL {@code POST}, {@code first}/{@code after}, {@code pageInfo}</td>
 *       <td>{@code RelayConnector} ({@code inlet-graphql})</td></tr>
 * </table>
 * The page size is the request's size parameter when it has one, else the fake's
 * {@link FakeApi.Builder#pageSize(int) pageSize}, capped by its {@link FakeApi.Builder#maxPageSize(int) maxPageSize}.
 */
public final class Paging {

    /** The paging styles. */
    public enum Style {
        /** Offset and limit parameters. */
        OFFSET,
        /** Page number and size parameters. */
        PAGE_NUMBER,
        /** An opaque cursor in the body. */
        BODY_CURSOR,
        /** The last record's id, Stripe style. */
        LAST_RECORD_ID,
        /** An opaque cursor in a response header. */
        HEADER_CURSOR,
        /** RFC 8288 {@code Link: <url>; rel="next"}. */
        LINK_HEADER,
        /** A next-page URL in the body. */
        NEXT_URL,
        /** A GraphQL Relay connection: {@code POST} with {@code first}/{@code after} variables. */
        RELAY
    }

    private final Style style;
    private final String param;
    private final String sizeParam;
    private final String header;

    private Paging(Style style, String param, String sizeParam, String header) {
        this.style = style;
        this.param = param;
        this.sizeParam = sizeParam;
        this.header = header;
    }

    /** {@code ?offset=&limit=}; the default of {@link FakeApi}. */
    public static Paging offset() {
        return new Paging(Style.OFFSET, "offset", "limit", null);
    }

    /** {@code ?page=&per_page=}, pages numbered from 1. */
    public static Paging pageNumber() {
        return new Paging(Style.PAGE_NUMBER, "page", "per_page", null);
    }

    /** HubSpot style: cursor at {@code /paging/next/after}, sent back as {@code ?after=}. */
    public static Paging bodyCursor() {
        return new Paging(Style.BODY_CURSOR, "after", "limit", null);
    }

    /** Stripe style: {@code ?starting_after=<last id>&limit=}, {@code "has_more"}. */
    public static Paging lastRecordId() {
        return new Paging(Style.LAST_RECORD_ID, "starting_after", "limit", null);
    }

    /** Cursor in the {@code X-Next-Cursor} header, sent back as {@code ?cursor=}. */
    public static Paging headerCursor() {
        return new Paging(Style.HEADER_CURSOR, "cursor", "limit", "X-Next-Cursor");
    }

    /** GitHub style {@code Link} header whose next URL carries {@code ?after=}. */
    public static Paging linkHeader() {
        return new Paging(Style.LINK_HEADER, "after", "per_page", null);
    }

    /** A next URL at {@code /next} in the body (null on the last page). */
    public static Paging nextUrl() {
        return new Paging(Style.NEXT_URL, "after", "limit", null);
    }

    /**
     * GraphQL Relay: the fake answers {@code POST}s of {@code {"query": …, "variables": {"first": n,
     * "after": c}}} (the query text is not parsed) with
     * {@code {"data": {"<connection>": {"edges": [{"cursor", "node"}], "pageInfo": {"hasNextPage",
     * "endCursor"}, "totalCount"}}}} and Shopify-style {@code extensions.cost} (requested and actual
     * cost, {@code throttleStatus}). Read it with inlet-graphql's {@code RelayConnector} and
     * {@code .connection("<connection>")}.
     */
    public static Paging relay(String connection) {
        if (connection == null || !connection.matches("[_A-Za-z][_0-9A-Za-z]*")) {
            throw new FakeApiConfigException("Paging.relay(" + connection + "): not a GraphQL field name",
                    "pass the connection's field, e.g. \"orders\"");
        }
        return new Paging(Style.RELAY, "after", "first", connection);
    }

    /** The style. */
    public Style style() {
        return style;
    }

    /** The query parameter that selects the page (offset, page, cursor or id). */
    public String param() {
        return param;
    }

    /** The query parameter of the page size. */
    public String sizeParam() {
        return sizeParam;
    }

    /** The cursor header of {@link Style#HEADER_CURSOR}, the connection of {@link Style#RELAY}, else null. */
    String header() {
        return header;
    }

    @Override
    public String toString() {
        return "Paging." + style;
    }
}
