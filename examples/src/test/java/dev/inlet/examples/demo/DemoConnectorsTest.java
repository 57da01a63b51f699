package dev.inlet.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.core.Connector;
import dev.inlet.core.InletListener;
import dev.inlet.core.record.InMemoryQuarantine;
import dev.inlet.examples.presets.GitHub;
import dev.inlet.examples.presets.Stripe;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sources built from the catalogue read what the presets read, under the same names. */
class DemoConnectorsTest {

    static <T> List<T> read(Connector<T> connector) {
        try (Stream<T> records = connector.records()) {
            return records.toList();
        }
    }

    @Test
    void catalogueConnectorsReadTheSameRecordsAsThePresets(@TempDir Path out) throws Exception {
        try (DemoSources sources = new DemoSources(DemoSettings.offline(out))) {
            InletListener quiet = new InletListener() {
            };
            DemoConnectors presets = new DemoConnectors(sources, quiet, false);
            DemoConnectors definitions = new DemoConnectors(sources, quiet, true);
            var rules = DemoRun.CHARGE_RULES;
            Connector<Stripe.Charge> presetCharges = presets.charges(rules, new InMemoryQuarantine());
            Connector<Stripe.Charge> definedCharges = definitions.charges(rules, new InMemoryQuarantine());
            assertThat(definedCharges.name()).isEqualTo(presetCharges.name());
            assertThat(read(definedCharges)).isEqualTo(read(presetCharges)).isNotEmpty();
            assertThat(read(definitions.customers())).isEqualTo(read(presets.customers()));
            List<GitHub.Issue> issues = read(definitions.issues());
            assertThat(issues).isEqualTo(read(presets.issues()));
            assertThat(issues).anyMatch(GitHub.Issue::isPullRequest);
            assertThat(read(definitions.orders())).hasSize(DemoSources.SHOP_ORDERS);
            assertThat(definitions.origin()).contains("stripe", "shopify");
        }
    }
}
