package dev.inlet.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.inlet.core.Connector;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.core.record.InvalidRecordPolicy;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.FaultPlan;
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

    /** A record whose amount is nested, to exercise skipping a failed record's inner objects. */
    record Order(String id, Money total) {
    }

    /**
     * The amount of an order.
     *
     * @param value the amount
     */
    record Money(BigDecimal value) {
    }

    @Test
    void aRecordThatFailsToBindInsideNestedObjectsIsRejectedWholeAndTheNextOnesStillArrive() {
        api.stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"orders\":[{\"id\":\"o1\",\"total\":{\"value\":1.5}},"
                        + "{\"id\":\"o2\",\"total\":{\"value\":{\"nested\":[1,{\"deep\":true}]}},\"x\":[1,2]},"
                        + "{\"id\":\"o3\",\"total\":{\"value\":\"2.25\"}}],\"more\":false}")));
        InMemoryQuarantine quarantine = new InMemoryQuarantine();
        Connector<Order> orders = RestConnector.builder("orders").baseUrl(api.baseUrl()).path("/orders")
                .records("/orders").onInvalid(InvalidRecordPolicy.QUARANTINE).quarantine(quarantine)
                .build(Order.class);

        List<Order> delivered;
        try (Stream<Order> stream = orders.records()) {
            delivered = stream.toList();
        }
        assertThat(delivered).extracting(Order::id).containsExactly("o1", "o3");
        assertThat(delivered.get(1).total().value()).isEqualByComparingTo("2.25");
        assertThat(quarantine.rejections()).singleElement().satisfies(r -> {
            assertThat(r.record().at("/total/value/nested/1/deep").asBoolean()).isTrue();
            assertThat(r.record().at("/x/1").asInt()).isEqualTo(2);
            assertThat(r.violations().get(0).pointer()).isEqualTo("/total/value");
        });
    }

    @Test
    void typedRecordsResumeExactlyUnderTheStripeCursor() {
        try (FakeApi stripe = Items.stripeLike(FaultPlan.none())) {
            typedRecordsResumeExactly(stripe);
        }
    }

    private static void typedRecordsResumeExactly(FakeApi stripe) {
        Connector<Charge> charges = RestConnector.builder("charges").baseUrl(stripe.baseUrl()).path(stripe.path())
                .records("/data").paginator(dev.inlet.rest.paginate.Paginators.stripe()).build(Charge.class);
        List<String> first = new java.util.ArrayList<>();
        String saved;
        try (dev.inlet.core.ConnectorRun<Charge> run = charges.open()) {
            for (int i = 0; i < 4 && run.hasNext(); i++) {
                first.add(run.next().id());
            }
            saved = run.position().asString();
        }
        List<String> rest;
        try (Stream<Charge> stream = charges.records(dev.inlet.core.Position.parse(saved))) {
            rest = stream.map(Charge::id).toList();
        }
        assertThat(first).containsExactly("r0", "r1", "r2", "r3");
        assertThat(rest).containsExactly("r4", "r5", "r6", "r7", "r8", "r9");
    }
}
