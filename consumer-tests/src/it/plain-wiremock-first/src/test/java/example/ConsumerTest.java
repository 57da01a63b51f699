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
import dev.inlet.core.error.IncompatibleDependencyException;

class ConsumerTest {

    @Test
    void aFetchFailsWithAMessageThatNamesTheArtifactsAndTheFix() {
        IncompatibleDependencyException e = assertThrows(IncompatibleDependencyException.class, Scenario::fetchCharges);

        assertTrue(e.getMessage().contains("needs com.fasterxml.jackson.core:jackson-annotations 2.2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("but the build chose 2.20"), e.getMessage());
        assertTrue(e.getMessage().contains("Import dev.inlet:inlet-bom:"), e.getMessage());
    }

    @Test
    void webhookVerificationNeedsNoMapperAndStillWorks() {
        List<VerificationResult> results = Scenario.verifyWebhooks();

        assertTrue(results.get(0).isValid(), results.get(0).toString());
        assertFalse(results.get(1).isValid(), results.get(1).toString());
    }
}
