package dev.inlet.rest.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.inlet.core.Connector;
import dev.inlet.core.retry.RetryPolicy;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.Fault;
import dev.inlet.testkit.FaultPlan;
import dev.inlet.testkit.Paging;
import dev.inlet.testkit.RecordSet;
import dev.inlet.testkit.wiremock.InletWireMock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inlet's paging and faults on a user's own WireMock server, beside the user's own stubs. */
class InletWireMockTest {

    @Test
    void pagingAndFaultsRunOnTheUsersWireMockServer() {
        InletWireMock items = InletWireMock.of(FakeApi.builder().path("/v1/items").records(RecordSet.generate(60))
                .paging(Paging.linkHeader())
                .faults(FaultPlan.builder().every(3, Fault.status(503)).every(4, Fault.resetBeforeHeaders()).build()));
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().extensions(items));
        wm.start();
        try {
            wm.stubFor(items.stub());
            wm.stubFor(get("/v1/health").willReturn(okJson("{\"ok\":true}")));
            Connector<JsonNode> connector = RestConnector.builder("items").baseUrl(wm.baseUrl()).path("/v1/items")
                    .records("/data").paginator(Paginators.linkHeader())
                    .retryPolicy(RetryPolicy.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build())
                    .build();
            List<String> ids;
            try (Stream<JsonNode> records = connector.records()) {
                ids = records.map(r -> r.get("id").asString()).toList();
            }
            assertThat(ids).containsExactlyElementsOf(items.records().ids());
            assertThat(items.requests()).extracting(r -> r.fault()).contains("STATUS(503)", "RESET_BEFORE_HEADERS");
            assertThat(wm.findAllUnmatchedRequests()).isEmpty();
        } finally {
            wm.stop();
        }
    }
}
