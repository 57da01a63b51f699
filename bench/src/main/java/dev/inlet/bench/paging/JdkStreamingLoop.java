package dev.inlet.bench.paging;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baseline (a), the practical limit: a hand-written cursor loop on the JDK {@link HttpClient} with its
 * fastest settings here (HTTP/1.1, responses completed on the calling thread) and Jackson streaming:
 * the body is parsed as it arrives and each record becomes one {@link JsonNode}, as Inlet's does.
 * It has no retries, limits, validation or resumable positions.
 */
public final class JdkStreamingLoop implements PagingClient {

    private final HttpClient client;
    /** Jackson 3's defaults, except that a tree may be read from the middle of a stream (records one by one). */
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** With the direct executor (the fastest measured here) or the JDK default pool. */
    public JdkStreamingLoop(boolean directExecutor) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (directExecutor) {
            builder.executor(Runnable::run);
        }
        this.client = builder.build();
    }

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) throws IOException, InterruptedException {
        String first = baseUrl + "/records?limit=" + perPage;
        String cursor = null;
        do {
            URI uri = URI.create(cursor == null ? first : first + "&cursor=" + cursor);
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            cursor = null;
            try (InputStream in = response.body(); JsonParser parser = mapper.createParser(in)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("not a JSON object from " + uri);
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("data") && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            tally.add((JsonNode) mapper.readTree(parser));
                        }
                    } else if (name.equals("next_cursor")) {
                        cursor = value == JsonToken.VALUE_NULL ? null : parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } while (cursor != null);
    }
}
