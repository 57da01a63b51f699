package dev.inlet.bench.paging;

import dev.inlet.core.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling (issue 21): the same pages' bytes parsed from memory on one thread, no HTTP — each record
 * one {@link JsonNode} read with Inlet's own mapper settings (exact decimals), as Inlet's records are.
 * The first pass fetches every page from the server once and keeps the bytes; every pass after parses
 * only, so with the harness's warm-up passes the measured ones are parsing alone. What Inlet's loopback
 * paging reaches against this is the share of the machine's parsing speed that the HTTP path leaves.
 */
public final class MemoryParse implements PagingClient {

    private final JsonMapper mapper = Json.mapper();
    private List<byte[]> pages;

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) throws IOException, InterruptedException {
        if (pages == null) {
            pages = fetch(baseUrl, perPage);
        }
        for (byte[] page : pages) {
            try (JsonParser parser = mapper.createParser(new ByteArrayInputStream(page))) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("data") && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            tally.add((JsonNode) mapper.readTree(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
    }

    /** Every page's bytes, following the cursors as baseline (a) does. */
    private static List<byte[]> fetch(String baseUrl, int perPage) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonMapper plain = JsonMapper.builder().build();
        List<byte[]> bodies = new ArrayList<>();
        String first = baseUrl + "/records?limit=" + perPage;
        String cursor = null;
        do {
            URI uri = URI.create(cursor == null ? first : first + "&cursor=" + cursor);
            byte[] body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            bodies.add(body);
            JsonNode next = plain.readTree(body).get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return bodies;
    }
}
