package dev.inlet.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inlet.kafka.connect.Tenant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "shops");
        props.put("inlet.factory.class", "dev.inlet.kafka.connect.PagesFactory");
        props.put("inlet.topic", "shop.{tenant}.{stream}");
        props.put("inlet.tenants", "eu, us");
        props.put("inlet.tenant.eu.input.domain", "eu.shop.test");
        props.put("inlet.tenant.eu.secret.token", "tok-eu-123");
        props.put("inlet.tenant.us.input.domain", "us.shop.test");
        return props;
    }

    @Test
    void tenantsGetTheirInputsAndSecretsWithoutShowingThem() {
        SourceConfig config = new SourceConfig(base());

        assertThat(config.connectorName()).isEqualTo("shops");
        assertThat(config.tenants()).extracting(Tenant::id).containsExactly("eu", "us");
        Tenant eu = config.tenants().get(0);
        assertThat(eu.requireInput("domain")).isEqualTo("eu.shop.test");
        assertThat(eu.requireSecret("token").reveal()).isEqualTo("tok-eu-123");
        assertThat(eu.toString()).contains("token").doesNotContain("tok-eu-123");
        assertThatThrownBy(() -> config.tenants().get(1).requireSecret("token"))
                .hasMessageContaining("inlet.tenant.us.secret.token").hasMessageContaining("config provider");
        assertThat(config.topic("orders", "eu")).isEqualTo("shop.eu.orders");
        assertThat(config.format()).isEqualTo(RecordFormat.JSON);
        assertThat(SourceConfig.isSecretKey("inlet.tenant.eu.secret.token")).isTrue();
    }

    @Test
    void wrongTenantKeysAreRefusedWithoutShowingTheirValues() {
        Map<String, String> unknownTenant = base();
        unknownTenant.put("inlet.tenant.asia.secret.token", "tok-asia-999");
        assertThatThrownBy(() -> new SourceConfig(unknownTenant)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tenant 'asia'").hasMessageNotContaining("tok-asia-999");

        Map<String, String> badKind = base();
        badKind.put("inlet.tenant.eu.password", "hunter2");
        assertThatThrownBy(() -> new SourceConfig(badKind)).hasMessageContaining("inlet.tenant.<id>.secret.<name>")
                .hasMessageNotContaining("hunter2");

        Map<String, String> twice = base();
        twice.put("inlet.tenants", "eu,eu");
        assertThatThrownBy(() -> new SourceConfig(twice)).hasMessageContaining("listed twice");

        Map<String, String> noFactory = base();
        noFactory.put("inlet.factory.class", "java.lang.String");
        assertThatThrownBy(() -> new SourceConfig(noFactory).factory()).hasMessageContaining("InletConnectorFactory");
    }
}
