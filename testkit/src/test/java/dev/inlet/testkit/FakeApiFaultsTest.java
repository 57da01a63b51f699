package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each fault as the wire shows it. Stalls and slow first bytes against Inlet's own short timeouts
 * are inlet-rest's FakeApiTimeoutsTest (the kit's tests do not depend on inlet-rest).
 */
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
}
