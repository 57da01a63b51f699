package dev.inlet.bench.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The naive loop: page with the JDK client; on a 429, try the same page again at once, or after a
 * fixed short sleep. It ignores {@code Retry-After} and knows nothing of the other workers.
 */
final class NaiveWorkers implements Throttling.Contender {

    private final long sleepMillis;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    NaiveWorkers(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public void work(int index, String baseUrl, long deadline) throws IOException, InterruptedException {
        String cursor = null;
        while (System.nanoTime() < deadline) {
            URI uri = URI.create(baseUrl + "/items" + (cursor == null ? "" : "?cursor=" + cursor));
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 429) {
                    body.readAllBytes();
                    if (sleepMillis > 0) {
                        // The naive loop's whole strategy is this fixed pause.
                        Thread.sleep(sleepMillis);
                    }
                    continue;
                }
                JsonNode page = mapper.readTree(body);
                cursor = page.path("next_cursor").asString();
            }
        }
    }
}
