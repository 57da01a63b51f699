package dev.inlet.rest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.core.Connector;
import dev.inlet.core.error.InletException;
import dev.inlet.core.http.HttpPipeline;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The kit's stalls and slow first bytes trip Inlet's own short timeouts, and a brief delay does not. */
class FakeApiTimeoutsTest {

    private static FakeApi failingEvery(Fault fault) {
        return FakeApi.builder().faults(FaultPlan.builder().every(1, fault).build()).start();
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

    private static long read(FakeApi api, HttpPipeline.Builder pipeline) {
        Connector<JsonNode> connector = RestConnector.builder("fake").baseUrl(api.baseUrl()).path(api.path())
                .records("/data").paginator(Paginators.offset("offset", "limit", 10))
                .pipeline(pipeline.retryPolicy(RetryPolicy.none()).build()).build();
        try (Stream<JsonNode> records = connector.records()) {
            return records.count();
        }
    }
}
