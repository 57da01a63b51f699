package dev.inlet.rest.faults;

import static dev.inlet.rest.faults.PagedApi.MIDDLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.ratelimit.RateLimit;
import dev.inlet.core.ratelimit.RateLimiters;
import dev.inlet.core.testing.FakeClock;
import dev.inlet.core.testing.RecordingListener;
import dev.inlet.rest.RestConnector;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a host sees through the listener during a run with a retry and rate-limit waits. */
class ObservabilityTest {

    @Test
    void aRunReportsRequestsResponsesRetriesWaitsPagesAndItsEnd() {
        FakeClock clock = new FakeClock();
        RecordingListener journal = new RecordingListener();
        HttpPipeline pipeline = HttpPipeline.builder().clock(clock).sleeper(clock).rateLimiter(RateLimiters.create()
                .shared("api", RateLimit.builder().bursty(2, Duration.ofMinutes(1)).build())).build();

        try (FakeApi server = PagedApi.OFFSET.start(FaultPlan.builder()
                        .at(MIDDLE, Fault.status(503, Duration.ofSeconds(1))).build());
                Stream<JsonNode> records = RestConnector.builder("observed").baseUrl(server.baseUrl())
                        .path(server.path()).query("api_key", "s3cret").records("/data")
                        .paginator(PagedApi.OFFSET.paginator()).pipeline(pipeline).listener(journal).clock(clock)
                        .build().records()) {
            assertThat(records.count()).isEqualTo(PagedApi.TOTAL);
        }

        // Four pages (the last one empty) and one retry: five requests, each answered.
        assertThat(journal.of(InletListener.RequestSent.class)).hasSize(5)
                .extracting(InletListener.RequestSent::attempt).containsExactly(1, 1, 2, 1, 1);
        assertThat(journal.of(InletListener.ResponseReceived.class)).extracting(InletListener.ResponseReceived::status)
                .containsExactly(200, 503, 200, 200, 200);
        assertThat(journal.of(InletListener.RetryScheduled.class)).singleElement().satisfies(r -> {
            assertThat(r.delay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(r.reason()).contains("HTTP 503").contains("Retry-After");
        });
        assertThat(journal.of(InletListener.RateLimited.class)).as("the server's hint and the client's rate")
                .anySatisfy(w -> assertThat(w.reason()).contains("server: Retry-After"))
                .anySatisfy(w -> assertThat(w.reason()).contains("client-side rate of 2 per 60 s"));
        assertThat(journal.of(InletListener.PageDone.class)).hasSize(4)
                .extracting(InletListener.PageDone::records).containsExactly(3, 3, 3, 0);
        RunReport report = journal.of(RunReport.class).get(0);
        assertThat(report.completed()).isTrue();
        assertThat(report.retries()).isEqualTo(1);
        assertThat(report.waited()).isEqualTo(clock.totalSlept()).isGreaterThan(Duration.ofSeconds(1));
        assertThat(journal.events().get(journal.events().size() - 1)).isSameAs(report);
        assertThat(journal.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("s3cret"));
    }
}
