package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.error.InletException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each fault as the wire shows it; stalls are checked through Inlet's own short timeouts. */
class FakeApiFaultsTest {

    private static FakeApi failingEvery(Fault fault) {
        return FakeApi.builder().faults(FaultPlan.builder().every(1, fault).build()).start();
    }

    @Test
    void aResetBeforeHeadersIsAConnectionFailure() {
        try (FakeApi api = failingEvery(Fault.resetBeforeHeaders())) {
            assertThatThrownBy(() -> Http.get(api, "/records")).isInstanceOf(IOException.class);
            assertThat(api.awaitRequests(1, Duration.ofSeconds(5)).get(0).status()).isZero();
        }
    }

    @Test
    void aResetAfterHeadersAndATruncatedBodyFailTheRead() {
        try (FakeApi reset = failingEvery(Fault.resetAfterHeaders());
                FakeApi truncated = failingEvery(Fault.truncatedBody())) {
            assertThatThrownBy(() -> Http.get(reset, "/records")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> Http.get(truncated, "/records")).isInstanceOf(IOException.class);
            assertThat(truncated.requests()).singleElement()
                    .satisfies(r -> assertThat(r.fault()).isEqualTo("TRUNCATED_BODY"));
        }
    }

    @Test
    void statusRateLimitAndHtmlFaultsAnswerAsVendorsDo() throws Exception {
        try (FakeApi status = failingEvery(Fault.status(503));
                FakeApi limited = failingEvery(Fault.rateLimited(Duration.ofMillis(1500)));
                FakeApi html = failingEvery(Fault.htmlErrorPage())) {
            assertThat(Http.get(status, "/records").statusCode()).isEqualTo(503);
            var l = Http.get(limited, "/records");
            assertThat(l.statusCode()).isEqualTo(429);
            assertThat(l.headers().firstValue("Retry-After")).contains("2");
            assertThat(l.headers().firstValue("X-RateLimit-Remaining")).contains("0");
            var h = Http.get(html, "/records");
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(h.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        }
    }

    @Test
    void aStallMidBodyTripsInletsReadTimeout() {
        try (FakeApi api = failingEvery(Fault.stallMidBody(Duration.ofSeconds(5)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> read(api, HttpPipeline.builder().readTimeout(Duration.ofMillis(200))))
                    .isInstanceOf(InletException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aSlowFirstByteTripsInletsRequestTimeoutAndAShortOneDoesNot() {
        try (FakeApi slow = failingEvery(Fault.slowFirstByte(Duration.ofSeconds(5)));
                FakeApi brief = FakeApi.builder().records(RecordSet.generate(5))
                        .faults(FaultPlan.builder().every(1, Fault.slowFirstByte(Duration.ofMillis(20))).build())
                        .start()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> read(slow, HttpPipeline.builder().requestTimeout(Duration.ofMillis(200))))
                    .isInstanceOf(InletException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(read(brief, HttpPipeline.builder())).isEqualTo(5);
        }
    }

    @Test
    void aFixedWindowRateLimitSendsTheVendorHeaders() throws Exception {
        try (FakeApi api = FakeApi.builder().rateLimit(2, Duration.ofMinutes(1)).start()) {
            var first = Http.get(api, "/records");
            assertThat(first.headers().firstValue("X-RateLimit-Limit")).contains("2");
            assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("1");
            Http.get(api, "/records");
            var third = Http.get(api, "/records");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
    }

    private static long read(FakeApi api, HttpPipeline.Builder pipeline) {
        Connector<JsonNode> connector = RestConnector.builder("fake").baseUrl(api.baseUrl()).path(api.path())
                .records("/data").paginator(Paginators.offset("offset", "limit", 10))
                .pipeline(pipeline.retryPolicy(RetryPolicy.none()).build()).build();
        try (Stream<JsonNode> records = connector.records()) {
            return records.count();
        }
    }
}
