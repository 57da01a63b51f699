package dev.inlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/**
 * The faults that answer with something broken rather than nothing: bytes that are not HTTP, a
 * malformed chunk, JSON cut inside a record, an error in a 200, {@code Retry-After} as a status's
 * companion or as a date; and a plan replaced live, as a service recovers.
 */
class FakeApiBrokenResponsesTest {

    private static FakeApi failingEvery(Fault fault) {
        return FakeApi.builder().records(RecordSet.generate(5)).faults(FaultPlan.builder().every(1, fault).build())
                .start();
    }

    @Test
    void aCloseGarbageOrAMalformedChunkFailTheExchange() {
        try (FakeApi closed = failingEvery(Fault.closeBeforeHeaders());
                FakeApi garbage = failingEvery(Fault.garbageThenClose());
                FakeApi chunk = failingEvery(Fault.malformedChunk())) {
            for (FakeApi api : List.of(closed, garbage, chunk)) {
                assertThatThrownBy(() -> Http.get(api, "/records")).as(api.toString()).isInstanceOf(IOException.class);
            }
            assertThat(closed.requests()).allSatisfy(r -> assertThat(r.status()).isZero())
                    .allSatisfy(r -> assertThat(r.fault()).isEqualTo("CLOSE_BEFORE_HEADERS"));
            assertThat(garbage.requests()).allSatisfy(r -> assertThat(r.status()).isZero());
            assertThat(chunk.requests()).allSatisfy(r -> assertThat(r.fault()).isEqualTo("MALFORMED_CHUNK"));
        }
    }

    @Test
    void cutJsonIsAWholeResponseWhoseLastRecordBreaksOff() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(3))
                .faults(FaultPlan.builder().at(0, Fault.cutJson()).build()).start()) {
            var cut = Http.get(api, "/records");
            var whole = Http.get(api, "/records");
            assertThat(cut.statusCode()).isEqualTo(200);
            assertThat(whole.body()).startsWith(cut.body());
            int lastRecord = whole.body().indexOf("{\"id\":\"rec-0003\"");
            assertThat(cut.body().length()).isGreaterThan(lastRecord).isEqualTo(whole.body().lastIndexOf("}]"));
            assertThatThrownBy(() -> RecordSet.JSON.readTree(cut.body())).isInstanceOf(JacksonException.class);
            assertThat(cut.headers().firstValue("Content-Length")).contains(String.valueOf(cut.body().length()));
        }
    }

    @Test
    void anErrorInA200ReplacesThePage() throws Exception {
        try (FakeApi api = failingEvery(Fault.errorInBody("{\"ok\":false,\"error\":\"ratelimited\"}"))) {
            var r = Http.get(api, "/records");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"ok\":false,\"error\":\"ratelimited\"}");
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        }
    }

    @Test
    void retryAfterComesWithAStatusInSecondsOrAsADateAgainstTheServersDate() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2032-06-05T10:00:00.700Z"), ZoneOffset.UTC);
        try (FakeApi status = failingEvery(Fault.status(503, Duration.ofMillis(1200)));
                FakeApi plain = failingEvery(Fault.status(503));
                FakeApi dated = FakeApi.builder().clock(fixed)
                        .faults(FaultPlan.builder().every(1, Fault.rateLimitedUntil(Duration.ofSeconds(3))).build())
                        .start()) {
            var s = Http.get(status, "/records");
            assertThat(s.statusCode()).isEqualTo(503);
            assertThat(s.headers().firstValue("Retry-After")).contains("2");
            assertThat(Http.get(plain, "/records").headers().firstValue("Retry-After")).isEmpty();
            var d = Http.get(dated, "/records");
            assertThat(d.statusCode()).isEqualTo(429);
            assertThat(d.headers().firstValue("Date")).contains("Sat, 05 Jun 2032 10:00:00 GMT");
            assertThat(d.headers().firstValue("Retry-After")).contains("Sat, 05 Jun 2032 10:00:03 GMT");
        }
    }

    @Test
    void aReplacedPlanTakesOverAtTheNextRequestAndTheNumberingGoesOn() throws Exception {
        try (FakeApi api = FakeApi.builder().faults(FaultPlan.builder().from(1, Fault.status(502)).build()).start()) {
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(502);
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(502);
            api.replaceFaults(FaultPlan.builder().at(4, Fault.status(500)).build());
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
            assertThat(Http.get(api, "/records").statusCode()).as("request 4 of the same numbering").isEqualTo(500);
            api.replaceFaults(FaultPlan.none());
            assertThat(Http.get(api, "/records").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> api.replaceFaults(null)).isInstanceOf(FakeApiConfigException.class);
        }
    }
}
