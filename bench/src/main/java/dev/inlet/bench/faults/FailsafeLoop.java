package dev.inlet.bench.faults;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.inlet.bench.paging.PagingClient;
import dev.inlet.bench.paging.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written streaming loop of baseline (a) with retries added the way users add them: each
 * page fetched inside a Failsafe retry policy (4 retries, backoff from 250 ms as Inlet's default, on
 * I/O errors, malformed bodies, 429 and 5xx). It streams records to the caller as it parses, so a
 * page that fails halfway is fetched again and its first records are delivered twice.
 */
public final class FailsafeLoop implements PagingClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run).build();
    private final JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final RetryPolicy<Object> retry = RetryPolicy.builder().handle(IOException.class,
            UncheckedIOException.class, JacksonException.class).withBackoff(Duration.ofMillis(250), Duration.ofSeconds(30))
            .withMaxRetries(4).build();

    @Override
    public void readAll(String baseUrl, int perPage, Tally tally) {
        String first = baseUrl + "/records?limit=" + perPage;
        String cursor = null;
        do {
            String at = cursor;
            cursor = Failsafe.with(retry).get(() -> page(URI.create(at == null ? first : first + "&cursor=" + at),
                    tally));
        } while (cursor != null);
    }

    /** Streams one page's records into the tally and returns the next cursor. */
    private String page(URI uri, Tally tally) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String cursor = null;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            try (JsonParser parser = mapper.createParser(in)) {
                parser.nextToken();
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
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new IOException("truncated body from " + uri);
                }
            }
        }
        return cursor;
    }
}
