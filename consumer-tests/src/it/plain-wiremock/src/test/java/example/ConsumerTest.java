package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inlet.it.Scenario;
import dev.inlet.webhooks.verify.VerificationResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerTest {

    @Test
    void fetchesTwoPagesOfTypedRecords() {
        List<Scenario.Charge> charges = Scenario.fetchCharges();

        assertEquals(List.of(new Scenario.Charge("ch_1", new BigDecimal("12.50"), "eur"),
                new Scenario.Charge("ch_2", new BigDecimal("7"), "eur"),
                new Scenario.Charge("ch_3", new BigDecimal("0.10"), "usd")), charges);
    }

    @Test
    void verifiesAGenuineWebhookAndRefusesAForgedOne() {
        List<VerificationResult> results = Scenario.verifyWebhooks();

        assertTrue(results.get(0).isValid(), results.get(0).toString());
        assertFalse(results.get(1).isValid(), results.get(1).toString());
    }

    @Test
    void wireMockStillWorksBesideInlet() {
        var server = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/ping")
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("pong")));
            assertTrue(server.port() > 0);
            assertEquals(1, server.getStubMappings().size());
        } finally {
            server.stop();
        }
    }
}
