package dev.inlet.rest.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.InletFake;
import dev.inlet.testkit.RecordSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "My sync survives 10% faults and rate limits and loses nothing", as a user writes it. */
class SyncSurvivesFaultsTest {

    @InletFake
    FakeApi api = FakeApi.builder().records(RecordSet.generate(500))
            .faults(FaultPlan.builder().seed(42)
                    .percent(10, Fault.status(503))
                    .percent(5, Fault.resetBeforeHeaders())
                    .percent(5, Fault.truncatedBody())
                    .every(7, Fault.rateLimited(Duration.ZERO))
                    .build())
            .start();

    @Test
    void mySyncSurvivesFaultsAndRateLimitsAndLosesNothing() {
        Connector<JsonNode> items = RestConnector.builder("items")
                .baseUrl(api.baseUrl()).path(api.path()).records("/data")
                .paginator(Paginators.offset("offset", "limit", 25))
                .retryPolicy(RetryPolicy.builder().maxAttempts(8)
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build())
                .build();

        List<String> ids;
        try (Stream<JsonNode> records = items.records()) {
            ids = records.map(r -> r.get("id").asString()).toList();
        }

        assertThat(ids).containsExactlyElementsOf(api.records().ids());
        assertThat(api.requests()).filteredOn(r -> r.status() == 429).isNotEmpty();
    }
}
