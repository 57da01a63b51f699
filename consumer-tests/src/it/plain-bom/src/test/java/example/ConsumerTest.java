package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inlet.it.Scenario;
import dev.inlet.webhooks.verify.VerificationResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.jar.JarFile;

class ConsumerTest {

    @Test
    void fetchesTwoPagesOfTypedRecords() {
        assertEquals(List.of(new Scenario.Charge("ch_1", new BigDecimal("12.50"), "eur"),
                new Scenario.Charge("ch_2", new BigDecimal("7"), "eur"),
                new Scenario.Charge("ch_3", new BigDecimal("0.10"), "usd")), Scenario.fetchCharges());
    }

    @Test
    void verifiesAGenuineWebhookAndRefusesAForgedOne() {
        List<VerificationResult> results = Scenario.verifyWebhooks();

        assertTrue(results.get(0).isValid(), results.get(0).toString());
        assertFalse(results.get(1).isValid(), results.get(1).toString());
    }

    @Test
    void decodesXmlOnceTheOptionalModuleIsAdded() {
        assertEquals(List.of("o_1", "o_2"), Scenario.fetchXmlIds());
    }

    @Test
    void everyInletJarHasItsAutomaticModuleName() throws Exception {
        assertModuleName(dev.inlet.core.Connector.class, "dev.inlet.core");
        assertModuleName(dev.inlet.rest.RestConnector.class, "dev.inlet.rest");
        assertModuleName(dev.inlet.webhooks.verify.WebhookVerifier.class, "dev.inlet.webhooks");
        assertModuleName(dev.inlet.graphql.GraphQlClient.class, "dev.inlet.graphql");
    }

    private static void assertModuleName(Class<?> type, String expected) throws Exception {
        String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith(".jar"), type + " should come from a jar, not " + jar);
        try (JarFile file = new JarFile(jar)) {
            assertEquals(expected, file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar);
        }
    }
}
