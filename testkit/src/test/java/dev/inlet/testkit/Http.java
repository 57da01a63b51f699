package dev.inlet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK client for tests that look at the fake's wire behaviour without Inlet in between. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> post(FakeApi api, String path, String form) throws IOException {
        return post(api, path, "application/x-www-form-urlencoded", form);
    }

    static HttpResponse<String> postJson(FakeApi api, String path, String json) throws IOException {
        return post(api, path, "application/json", json);
    }

    private static HttpResponse<String> post(FakeApi api, String path, String type, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static HttpResponse<String> get(FakeApi api, String pathAndQuery, String... headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
