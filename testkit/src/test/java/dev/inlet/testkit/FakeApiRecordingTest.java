package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Credentials the fake requires, what it records (secrets masked) and its assertion messages. */
class FakeApiRecordingTest {

    @Test
    void aBearerTokenIsRequiredAndMaskedInTheRecording() throws Exception {
        try (FakeApi api = FakeApi.builder().auth(Auth.bearer("tok-123")).records(RecordSet.generate(3)).start()) {
            var refused = Http.get(api, "/records");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");

            var wrong = Http.get(api, "/records", "Authorization", "Bearer tok-999");
            assertThat(wrong.statusCode()).isEqualTo(401);
            var ok = Http.get(api, "/records", "Authorization", "Bearer tok-123");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(RecordSet.JSON.readTree(ok.body()).get("data").size()).isEqualTo(3);
            RecordedRequest accepted = api.requests().get(2);
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.header("Authorization")).isEqualTo("***");
            assertThat(api.requests().toString()).doesNotContain("tok-123", "tok-999");
        }
    }

    @Test
    void basicAndQueryKeysAreCheckedAndMasked() throws Exception {
        try (FakeApi basic = FakeApi.builder().auth(Auth.basic("ann", "pw")).start();
                FakeApi query = FakeApi.builder().auth(Auth.apiKeyQuery("api_key", "k-9")).start()) {
            assertThat(Http.get(basic, "/records", "Authorization", "Basic YW5uOnB3").statusCode()).isEqualTo(200);
            assertThat(Http.get(basic, "/records", "Authorization", "Basic YW5uOng=").statusCode()).isEqualTo(401);
            assertThat(Http.get(query, "/records?api_key=k-9").statusCode()).isEqualTo(200);
            assertThat(query.requests().get(0).query()).containsEntry("api_key", "***");
            assertThat(Auth.apiKeyQuery("api_key", "k-9").toString()).doesNotContain("k-9");
        }
    }

    @Test
    void awaitRequestsFailsWithWhatWasReceived() throws Exception {
        try (FakeApi api = FakeApi.builder().start()) {
            Http.get(api, "/records?offset=0&limit=5");
            assertThat(api.awaitRequests(1, Duration.ofSeconds(5))).hasSize(1);
            assertThatThrownBy(() -> api.awaitRequests(3, Duration.ofMillis(50)))
                    .isInstanceOf(FakeApiAssertionError.class)
                    .hasMessageContaining("expected at least 3 requests")
                    .hasMessageContaining("received 1")
                    .hasMessageContaining("#0 GET /records?limit=5&offset=0 -> 200");
        }
    }

    @Test
    void unmatchedRequestsGet404AndFailTheAssertion() throws Exception {
        try (FakeApi api = FakeApi.builder().path("/v1/items").start()) {
            api.assertNoUnmatchedRequests();
            assertThat(Http.get(api, "/v1/itemz").statusCode()).isEqualTo(404);
            assertThatThrownBy(api::assertNoUnmatchedRequests).isInstanceOf(FakeApiAssertionError.class)
                    .hasMessageContaining("expected only GET /v1/items")
                    .hasMessageContaining("#0 GET /v1/itemz -> 404 (unmatched)");
        }
    }

    @Test
    void liveMutationMovesUpdatedAtAndFiltersBySince() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(3)).start()) {
            assertThat(Http.get(api, "/records").body()).contains("\"Record 2\"").doesNotContain("New");
            JsonNode updated = api.records().update("rec-0002", Map.of("name", "New"));
            assertThat(Http.get(api, "/records").body()).contains("\"New\"").doesNotContain("Record 2");
            assertThat(updated.get("updated_at").asString()).isEqualTo("2026-01-01T00:00:04Z");
            api.records().add(Map.of("id", "rec-0004", "name", "Added"));
            var body = Http.get(api, "/records?updated_since=2026-01-01T00:00:04Z").body();
            assertThat(body).contains("rec-0002", "rec-0004").doesNotContain("rec-0001", "rec-0003");
            assertThatThrownBy(() -> api.records().update("nope", Map.of()))
                    .isInstanceOf(FakeApiConfigException.class).hasMessageContaining("no record with id nope");
        }
    }

    @Test
    void aChunkedRequestBodyIsReadWholeAndTheConnectionStaysUsable() throws Exception {
        try (FakeApi api = FakeApi.builder().start()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/upload"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream("{\"chunked\":true}".getBytes())))
                    .build();
            var response = Http.CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
            assertThat(api.requests()).extracting(RecordedRequest::body).containsExactly("{\"chunked\":true}", "");
            assertThat(api.requests().get(0).header("Transfer-Encoding")).isEqualTo("chunked");
        }
    }
}
