package dev.inlet.declarative.replica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inlet.declarative.internal.PaginatorSpec;
import dev.inlet.declarative.internal.StreamSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback replica of one catalogue stream: it serves the seeded records at the stream's path, paged
 * the way the stream's paginator says the vendor pages (offset/limit, page numbers, a cursor in the body
 * or a header, the last record's id with a has-more flag, a {@code Link} header, a next URL, a cursor in
 * the JSON body of a POST, with a page in the middle that has none of the stream's records but more to
 * come, and the answer's other arrays beside them, or a Relay connection for GraphQL), and answers 401 to a request without the credential the entry declares.
 * Cursor-paged streams get pages of {@link #CURSOR_PAGE} records, whatever size the client asks for, as
 * vendors may; offset and page-number streams get the size the client asked for.
 */
final class Replica implements AutoCloseable {

    /** Records per page where the server, not the client, chooses the page size. */
    static final int CURSOR_PAGE = 4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String path;
    private final StreamSpec stream;
    private final List<JsonNode> records;
    private final Predicate<HttpExchange> authorized;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile String tokenPath;
    private volatile Predicate<HttpExchange> client;
    private volatile Map<String, String> expectedQuery = Map.of();
    private volatile Map<String, String> expectedHeaders = Map.of();
    private volatile JsonNode expectedBody;
    private volatile Map<String, List<JsonNode>> siblings = Map.of();
    private int pages;
    private int tokens;

    private Replica(String path, StreamSpec stream, List<JsonNode> records, Predicate<HttpExchange> authorized)
            throws IOException {
        this.path = path;
        this.stream = stream;
        this.records = records;
        this.authorized = authorized;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a replica of a stream.
     *
     * @param path the stream's path, resolved (the request path the client must use)
     * @param authorized whether a request carries the declared credential
     */
    static Replica start(String path, StreamSpec stream, List<JsonNode> records, Predicate<HttpExchange> authorized)
            throws IOException {
        return new Replica(path, stream, records, authorized);
    }

    /** The replica's base URL, {@code http://127.0.0.1:port}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Pages served with records or an end (answers 200 at the stream's path). */
    synchronized int pages() {
        return pages;
    }

    /**
     * Serves an OAuth2 token endpoint at the path too: a {@code client_credentials} grant gets
     * {@link #ACCESS_TOKEN}, to be sent as bearer, if {@code client} accepts its credentials.
     */
    void tokenEndpoint(String path, Predicate<HttpExchange> client) {
        this.tokenPath = path;
        this.client = client;
    }

    /** Query parameters and headers every request must carry with these values (the entry's, resolved). */
    void expect(Map<String, String> query, Map<String, String> headers) {
        this.expectedQuery = Map.copyOf(query);
        this.expectedHeaders = Map.copyOf(headers);
    }

    /** The JSON body every request must carry (the entry's, resolved), besides a body cursor. */
    void expectBody(JsonNode body) {
        this.expectedBody = body;
    }

    /**
     * The other arrays of the same answer (Plaid's sync: {@code /added}, {@code /modified}, {@code /removed}),
     * by pointer, served page by page with this stream's records by the same request-body cursor; the
     * stream must keep only its own. See {@link SyncPages} for how the pages are laid out.
     */
    void siblings(Map<String, List<JsonNode>> arrays) {
        this.siblings = Map.copyOf(arrays);
    }

    /** The access token the token endpoint issues. */
    static final String ACCESS_TOKEN = "replica-access-token";

    /** Tokens issued. */
    synchronized int tokens() {
        return tokens;
    }

    /** What was wrong with the requests: a wrong path, method or credential, a missing parameter. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals(tokenPath)) {
                token(exchange);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(path)) {
                problems.add("request to " + exchange.getRequestURI().getPath() + ", the stream's path is " + path);
                send(exchange, 404, null, "{\"message\":\"not found\"}");
                return;
            }
            if (!exchange.getRequestMethod().equals(stream.method())) {
                problems.add(exchange.getRequestMethod() + " " + path + ", the stream declares " + stream.method());
                send(exchange, 405, null, "{}");
                return;
            }
            if (!authorized.test(exchange)) {
                problems.add("request without the declared credential: " + exchange.getRequestURI());
                send(exchange, 401, null, "{\"message\":\"unauthorized\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            expectedQuery.forEach((name, value) -> {
                if (!value.equals(query.get(name))) {
                    problems.add("query parameter " + name + "=" + query.get(name) + ", the entry says " + value);
                }
            });
            expectedHeaders.forEach((name, value) -> {
                if (!value.equals(exchange.getRequestHeaders().getFirst(name))) {
                    problems.add("header " + name + ": " + exchange.getRequestHeaders().getFirst(name)
                            + ", the entry says " + value);
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                pages++;
            }
            if (stream.graphql() != null) {
                relay(exchange, JSON.readTree(body));
            } else {
                rest(exchange, query, body);
            }
        } catch (RuntimeException e) {
            problems.add("replica failed: " + e);
            throw e;
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestMethod().equals("POST") || !query(form).getOrDefault("grant_type", "")
                .equals("client_credentials") || !client.test(exchange)) {
            problems.add("token request without a client_credentials grant and the client's secret: " + form);
            send(exchange, 400, null, "{\"error\":\"invalid_request\"}");
            return;
        }
        synchronized (this) {
            tokens++;
        }
        send(exchange, 200, null, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600}");
    }

    private void rest(HttpExchange exchange, Map<String, String> query, byte[] requestBody) throws IOException {
        PaginatorSpec p = stream.paginator();
        int index = 0;
        int size = CURSOR_PAGE;
        String header = null;
        ObjectNode envelope = Seed.NODES.objectNode();
        switch (p.type()) {
            case "offset" -> {
                index = number(query, p.param(), 0);
                size = p.sizeParam() == null ? CURSOR_PAGE : number(query, p.sizeParam(), -1);
            }
            case "page_number" -> {
                size = p.sizeParam() == null ? CURSOR_PAGE : number(query, p.sizeParam(), -1);
                index = (number(query, p.param(), (int) p.firstPage()) - (int) p.firstPage()) * size;
            }
            case "body_cursor", "header_cursor", "link_header", "next_url" -> {
                String param = p.type().equals("link_header") || p.type().equals("next_url") ? "replica_page"
                        : p.param();
                String cursor = query.get(param);
                index = cursor == null ? 0 : Integer.parseInt(cursor.substring(1)) * CURSOR_PAGE;
                boolean more = index + CURSOR_PAGE < records.size();
                String next = "c" + (index / CURSOR_PAGE + 1);
                switch (p.type()) {
                    case "body_cursor" -> Seed.put(envelope, p.pointer(), more ? Seed.NODES.stringNode(next)
                            : Seed.NODES.nullNode());
                    case "header_cursor" -> header = more ? p.header() + ": " + next : null;
                    case "link_header" -> header = more ? "Link: <" + nextUrl(exchange, next) + ">; rel=\"" + p.rel()
                            + "\"" : null;
                    default -> Seed.put(envelope, p.pointer(), more ? Seed.NODES.stringNode(nextUrl(exchange, next))
                            : Seed.NODES.nullNode());
                }
            }
            case "last_record_cursor" -> {
                String after = query.get(p.param());
                for (int i = 0; after != null && i < records.size(); i++) {
                    if (records.get(i).at(p.idPointer()).asString().equals(after)) {
                        index = i + 1;
                    }
                }
                if (after != null && index == 0) {
                    problems.add(p.param() + "=" + after + " names no record");
                }
                if (p.pointer() != null) {
                    Seed.put(envelope, p.pointer(), Seed.NODES.booleanNode(index + CURSOR_PAGE < records.size()));
                }
            }
            case "request_body_cursor" -> {
                int number = bodyCursor(requestBody.length == 0 ? Seed.NODES.missingNode() : JSON.readTree(requestBody),
                        p);
                int[] range = SyncPages.range(number, records.size());
                index = range[0];
                size = range[1] - range[0];
                // Like Plaid's sync: the other arrays of the same answer, paged by the same cursor.
                siblings.forEach((pointer, others) -> {
                    int[] at = SyncPages.siblingRange(number, others.size());
                    ArrayNode array = Seed.NODES.arrayNode();
                    others.subList(at[0], at[1]).forEach(array::add);
                    Seed.put(envelope, pointer, array);
                });
                int last = SyncPages.last(records.size(), siblings.values().stream().mapToInt(List::size).max()
                        .orElse(0));
                boolean more = number < last;
                String next = "c" + (number + 1);
                if (p.hasMore() != null) {
                    // Like Plaid: the last page has a cursor too (for the next sync); the flag ends paging.
                    Seed.put(envelope, p.hasMore(), Seed.NODES.booleanNode(more));
                    Seed.put(envelope, p.pointer(), Seed.NODES.stringNode(next));
                } else {
                    Seed.put(envelope, p.pointer(), more ? Seed.NODES.stringNode(next) : Seed.NODES.nullNode());
                }
            }
            default -> size = records.size();
        }
        if (size < 1 && !p.type().equals("request_body_cursor")) {
            problems.add("no page size in " + query + " (" + p.sizeParam() + ")");
            size = CURSOR_PAGE;
        }
        ArrayNode page = Seed.NODES.arrayNode();
        records.subList(Math.min(index, records.size()), Math.min(index + size, records.size())).forEach(page::add);
        JsonNode body = page;
        if (stream.records() != null) {
            Seed.put(envelope, stream.records(), page);
            body = envelope;
        }
        send(exchange, 200, header, JSON.writeValueAsString(body));
    }

    /** The page number the body's cursor asks for; checks the first request's cursor and the body's other fields. */
    private int bodyCursor(JsonNode request, PaginatorSpec p) {
        JsonNode cursor = request.at(p.bodyField());
        if (expectedBody != null) {
            expectedBody.properties().forEach(field -> {
                JsonNode sent = request.path(field.getKey());
                // 500 written in YAML is a BigDecimal here and an int once parsed from the wire.
                boolean same = field.getValue().isNumber() && sent.isNumber()
                        ? field.getValue().decimalValue().compareTo(sent.decimalValue()) == 0
                        : field.getValue().equals(sent);
                if (!same) {
                    problems.add("body field " + field.getKey() + " differs from the entry's");
                }
            });
        }
        if (cursor.isString() && cursor.asString().startsWith("c")) {
            return Integer.parseInt(cursor.asString().substring(1));
        }
        boolean asDeclared = switch (p.firstCursor()) {
            case "null" -> cursor.isNull();
            case "empty" -> cursor.isString() && cursor.asString().isEmpty();
            default -> cursor.isMissingNode();
        };
        if (!asDeclared) {
            problems.add("first request's body cursor " + p.bodyField() + " is " + cursor + ", the entry says "
                    + p.firstCursor());
        }
        return 0;
    }

    private void relay(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode variables = request.path("variables");
        int first = variables.path("first").asInt(0);
        if (first != stream.graphql().pageSize()) {
            problems.add("first=" + first + ", the stream's page size is " + stream.graphql().pageSize());
        }
        JsonNode after = variables.path("after");
        int index = after.isString() ? Integer.parseInt(after.asString().substring(1)) : 0;
        ArrayNode edges = Seed.NODES.arrayNode();
        int end = Math.min(index + first, records.size());
        ArrayNode nodes = Seed.NODES.arrayNode();
        for (int i = index; i < end; i++) {
            edges.addObject().put("cursor", "c" + (i + 1)).set("node", records.get(i));
            nodes.add(records.get(i));
        }
        ObjectNode connection = Seed.NODES.objectNode();
        // The shape the operation selects: edges { node } (Shopify) or nodes (Linear).
        boolean selectsEdges = stream.graphql().query().contains("edges");
        connection.set(selectsEdges ? "edges" : "nodes", selectsEdges ? edges : nodes);
        connection.putObject("pageInfo").put("hasNextPage", end < records.size()).put("endCursor", "c" + end);
        ObjectNode body = Seed.NODES.objectNode();
        Seed.put(body, "/data/" + stream.graphql().connection().replace('.', '/'), connection);
        send(exchange, 200, null, JSON.writeValueAsString(body));
    }

    private String nextUrl(HttpExchange exchange, String cursor) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        query.put("replica_page", cursor);
        StringBuilder url = new StringBuilder(baseUrl()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }

    private int number(Map<String, String> query, String name, int absent) {
        String value = query.get(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(name + "=" + value + " is not a number");
            return absent;
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String header, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (header != null) {
            int colon = header.indexOf(':');
            exchange.getResponseHeaders().set(header.substring(0, colon), header.substring(colon + 2));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
