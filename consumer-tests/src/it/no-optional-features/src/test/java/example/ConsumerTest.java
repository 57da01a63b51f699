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
import dev.inlet.core.error.MissingDependencyException;
import dev.inlet.core.validation.JsonSchemaValidator;

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
    void pullsNoStackItDoesNotUse() {
        for (String absent : List.of("com.networknt.schema.SchemaRegistry", "tools.jackson.dataformat.yaml.YAMLMapper",
                "tools.jackson.dataformat.xml.XmlMapper", "tools.jackson.dataformat.csv.CsvMapper")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent + " should not be here");
        }
    }

    @Test
    void anXmlBodyNamesTheArtifactToAdd() {
        MissingDependencyException e = assertThrows(MissingDependencyException.class, Scenario::fetchXmlIds);

        String artifact = "tools.jackson.dataformat:jackson-dataformat-xml:" + System.getProperty("expected.jackson.version");
        assertEquals(artifact, e.artifact());
        assertTrue(e.getMessage().contains("XML decoding needs " + artifact), e.getMessage());
    }

    @Test
    void jsonSchemaValidationNamesTheArtifactToAdd() {
        MissingDependencyException e = assertThrows(MissingDependencyException.class, JsonSchemaValidator::builder);

        assertEquals("com.networknt:json-schema-validator:" + System.getProperty("expected.json-schema-validator.version"),
                e.artifact());
    }
}
