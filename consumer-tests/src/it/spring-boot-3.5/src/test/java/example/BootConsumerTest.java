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
import dev.inlet.core.error.IncompatibleDependencyException;

@SpringBootTest(classes = BootConsumerTest.App.class)
class BootConsumerTest {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper bootMapper;

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
    void aFetchFailsWithAMessageThatNamesTheFix() {
        IncompatibleDependencyException e = assertThrows(IncompatibleDependencyException.class, Scenario::fetchCharges);

        assertTrue(e.getMessage().contains("needs com.fasterxml.jackson.core:jackson-annotations 2.2"), e.getMessage());
        assertTrue(e.getMessage().contains("Import dev.inlet:inlet-bom:"), e.getMessage());
    }
}
