package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.core.InMemoryQuarantine;
import dev.inlet.core.InvalidRecordPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Records mapped to the caller's type: unknown fields ignored, money exact, bad records rejected. */
class TypedRecordsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The caller's type: a subset of the API's fields. */
    record Charge(String id, BigDecimal amount, String currency, Instant created) {
    }

    @Test
    void recordsMapToTheCallersTypeWithExactMoney() {
        api.stubFor(get(urlPathEqualTo("/charges")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"id\":\"ch_1\",\"amount\":19.99,\"currency\":\"eur\",\"created\":"
                        + "\"2026-03-01T10:00:00Z\",\"livemode\":false,\"metadata\":{\"x\":1}},"
                        + "{\"id\":\"ch_2\",\"amount\":0.1,\"currency\":\"usd\",\"created\":\"2026-03-02T00:00:00Z\"}]}")));

        Connector<Charge> charges = RestConnector.builder("charges").baseUrl(api.baseUrl()).path("/charges")
                .records("/data").build(Charge.class);

        try (Stream<Charge> stream = charges.records()) {
            assertThat(stream.toList()).containsExactly(
                    new Charge("ch_1", new BigDecimal("19.99"), "eur", Instant.parse("2026-03-01T10:00:00Z")),
                    new Charge("ch_2", new BigDecimal("0.1"), "usd", Instant.parse("2026-03-02T00:00:00Z")));
        }
    }

    @Test
    void aRecordThatCannotBeMappedIsRejectedWithItsPointerNotTheRun() {
        api.stubFor(get(urlPathEqualTo("/charges")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":\"ch_1\",\"amount\":\"lots\"},{\"id\":\"ch_2\",\"amount\":5}]")));
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Connector<Charge> charges = RestConnector.builder("charges").baseUrl(api.baseUrl()).path("/charges")
                .onInvalid(InvalidRecordPolicy.QUARANTINE).quarantine(quarantine).build(Charge.class);

        List<Charge> delivered;
        try (Stream<Charge> stream = charges.records()) {
            delivered = stream.toList();
        }
        assertThat(delivered).extracting(Charge::id).containsExactly("ch_2");
        assertThat(quarantine.rejections()).singleElement().satisfies(r -> {
            assertThat(r.indexInPage()).isZero();
            assertThat(r.record().get("id").asString()).isEqualTo("ch_1");
            assertThat(r.violations()).singleElement().satisfies(v -> {
                assertThat(v.pointer()).isEqualTo("/amount");
                assertThat(v.rule()).isEqualTo("mapping");
            });
        });
        assertThat(charges.lastReport()).hasValueSatisfying(report -> {
            assertThat(report.recordsSeen()).isEqualTo(2);
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(report.rejectedByRule()).containsEntry("mapping", 1L);
        });
    }
}
