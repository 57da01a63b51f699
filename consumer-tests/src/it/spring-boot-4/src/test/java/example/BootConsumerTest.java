package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inlet.it.Scenario;
import dev.inlet.webhooks.verify.VerificationResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = BootConsumerTest.App.class)
class BootConsumerTest {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    tools.jackson.databind.json.JsonMapper bootMapper;

    @Test
    void springsOwnJacksonStillWorks() throws Exception {
        assertEquals("{\"a\":1}", bootMapper.writeValueAsString(Map.of("a", 1)));
    }

    @Test
    void verifiesAGenuineWebhookAndRefusesAForgedOne() {
        List<VerificationResult> results = Scenario.verifyWebhooks();

        assertTrue(results.get(0).isValid(), results.get(0).toString());
        assertFalse(results.get(1).isValid(), results.get(1).toString());
    }

    @Test
    void fetchesTwoPagesOfTypedRecords() {
        assertEquals(List.of(new Scenario.Charge("ch_1", new BigDecimal("12.50"), "eur"),
                new Scenario.Charge("ch_2", new BigDecimal("7"), "eur"),
                new Scenario.Charge("ch_3", new BigDecimal("0.10"), "usd")), Scenario.fetchCharges());
    }
}
