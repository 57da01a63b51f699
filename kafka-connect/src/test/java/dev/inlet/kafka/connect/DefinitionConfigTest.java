package dev.inlet.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.kafka.connect.internal.DefinitionFactory;
import dev.inlet.kafka.connect.internal.SourceConfig;
import dev.inlet.kafka.connect.internal.TaskItems;
import dev.inlet.testkit.Auth;
import dev.inlet.testkit.FakeApi;
import dev.inlet.testkit.RecordSet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** {@code inlet.definition}: a connector configured from a declarative definition instead of Java code. */
class DefinitionConfigTest {

    private static final String TOKEN = "tok-s3cr3t-123";

    static String fakeDefinition() {
        try {
            return Path.of(DefinitionConfigTest.class.getResource("/definitions/fake.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> config(FakeApi api, String... tenants) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "defined");
        props.put("inlet.definition", fakeDefinition());
        props.put("inlet.topic", "{tenant}.{stream}");
        props.put("inlet.poll.wait.ms", "50");
        props.put("inlet.tenants", String.join(",", tenants));
        for (String tenant : tenants) {
            props.put("inlet.tenant." + tenant + ".input.url", api.baseUrl());
            props.put("inlet.tenant." + tenant + ".input.path", api.path());
            props.put("inlet.tenant." + tenant + ".secret.token", TOKEN);
        }
        return props;
    }

    @Test
    void aTaskOfADefinitionReadsEveryPageWithTheTenantsSecret() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(60)).auth(Auth.bearer(TOKEN)).start()) {
            InletSourceConnector connector = new InletSourceConnector();
            connector.start(config(api, "a"));
            List<Map<String, String>> tasks = connector.taskConfigs(2);
            assertThat(tasks).as("one tenant, one key, one task").hasSize(1);
            assertThat(TaskItems.read(tasks.get(0).get(SourceConfig.TASK_ITEMS)))
                    .as("the substream `notes` is left out").extracting(item -> item.stream()).containsExactly("items");

            InletSourceTask task = new InletSourceTask();
            task.initialize(new FakeTaskContext(false));
            task.start(tasks.get(0));
            List<SourceRecord> records = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                records.addAll(task.poll());
            }
            task.stop();

            assertThat(records).extracting(SourceRecord::key).containsExactlyElementsOf(api.records().ids());
            assertThat(records).extracting(SourceRecord::topic).containsOnly("a.items");
        }
    }

    @Test
    void tenantsOfOneAccountShareATaskThroughTheKeyInput() {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(1)).start()) {
            Map<String, String> props = config(api, "a", "b", "c");
            props.put("inlet.rate.limit.key.input", "account");
            props.put("inlet.tenant.a.input.account", "acct-1");
            props.put("inlet.tenant.b.input.account", "acct-1");
            props.put("inlet.tenant.c.input.account", "acct-2");
            InletSourceConnector connector = new InletSourceConnector();
            connector.start(props);

            List<Map<String, String>> tasks = connector.taskConfigs(3);

            assertThat(tasks).hasSize(2);
            assertThat(tasks).extracting(t -> t.get("inlet.tenants")).containsExactlyInAnyOrder("a,b", "c");
        }
    }

    @Test
    void namedStreamsAreCheckedAgainstTheDefinition() {
        DefinitionFactory items = new DefinitionFactory(fakeDefinition(), List.of("items"), "", "");
        assertThat(items.definition().name()).isEqualTo("fake");

        assertThatThrownBy(() -> new DefinitionFactory(fakeDefinition(), List.of("itemz"), "", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inlet.streams")
                .hasMessageContaining("no stream 'itemz'").hasMessageContaining("[items, notes]");
        assertThatThrownBy(() -> new DefinitionFactory(fakeDefinition(), List.of("notes"), "", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("substream");
    }

    @Test
    void aMissingFileOrCatalogueEntryNamesTheKey() {
        assertThatThrownBy(() -> new DefinitionFactory("/nowhere/acme.yaml", List.of(), "", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inlet.definition")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new DefinitionFactory("catalogue:strip", List.of(), "", ""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("stripe");
        assertThat(new DefinitionFactory("catalogue:stripe", List.of(), "", "").definition().name())
                .isEqualTo("stripe");
    }

    @Test
    void eitherAFactoryOrADefinitionIsRequiredNotBoth() {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(1)).start()) {
            Map<String, String> both = config(api, "a");
            both.put("inlet.factory.class", PagesFactory.class.getName());
            assertThatThrownBy(() -> new SourceConfig(both).factory()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("not both");
            Map<String, String> neither = config(api, "a");
            neither.remove("inlet.definition");
            assertThatThrownBy(() -> new SourceConfig(neither).factory()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("inlet.factory.class").hasMessageContaining("inlet.definition");
        }
    }

    @Test
    void aTenantThatDoesNotFitTheDefinitionIsRefusedWithoutItsSecret() {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(1)).start()) {
            Map<String, String> typo = config(api, "a");
            typo.remove("inlet.tenant.a.secret.token");
            typo.put("inlet.tenant.a.secret.tokn", TOKEN);
            InletSourceConnector connector = new InletSourceConnector();
            assertThatThrownBy(() -> connector.start(typo)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("tenant 'a'").hasMessageContaining("tokn")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void theBaseUrlSettingReplacesTheDefinitions() throws Exception {
        try (FakeApi api = FakeApi.builder().records(RecordSet.generate(3)).auth(Auth.bearer(TOKEN)).start()) {
            Map<String, String> props = config(api, "a");
            props.put("inlet.tenant.a.input.url", "http://127.0.0.1:9");
            props.put("inlet.definition.base.url", api.baseUrl());
            DefinitionFactory factory = (DefinitionFactory) new SourceConfig(props).factory();
            Tenant tenant = new SourceConfig(props).tenants().get(0);

            StreamSource items = factory.streams(tenant).get(0);

            assertThat(items.keyPointer()).contains("/id");
            assertThat(items.rateLimitKey()).contains("a");
            assertThat(items.connector().fetch(dev.inlet.core.Position.start()).records()).hasSize(3);
        }
    }
}
