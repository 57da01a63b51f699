package dev.inlet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.webhooks.receiver.WebhookHandler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Defaults, and configuration mistakes refused at startup with the property named and no secret shown. */
class StarterConfigurationTest {

    private static final String SECRET = "sk_test_do_not_print_me_42";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(InletAutoConfiguration.class));

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.withPropertyValues("inlet.pipelines.plain.max-redirects=2").run(context -> {
            InletProperties properties = context.getBean(InletProperties.class);
            InletProperties.Pipeline plain = properties.pipelines().get("plain");
            assertThat(plain.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(plain.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(plain.auth()).isEqualTo(InletProperties.Auth.NONE);
            assertThat(properties.scheduler().initialBackoff()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.scheduler().maxBackoff()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.webhooks().queueCapacity()).isEqualTo(1000);
            assertThat(properties.webhooks().retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.webhooks().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.webhooks().acknowledgement()).isEqualTo(InletProperties.Acknowledgement.ON_RECEIPT);
            assertThat(properties.webhooks().handlerTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(InletPipelines.class).names()).containsExactly("plain");
        });
    }

    @Test
    void aPipelineCredentialWithoutAnOriginFailsNamingTheProperty() {
        runner.withPropertyValues("inlet.credentials.crm=" + SECRET, "inlet.pipelines.crm.auth=bearer",
                        "inlet.pipelines.crm.credential=crm")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).isNotNull();
                    assertThat(failure).rootCause().hasMessageContaining("inlet.pipelines.crm.auth is BEARER")
                            .hasMessageNotContaining(SECRET);
                });
    }

    @Test
    void aWebhookEndpointWithoutItsHandlerBeanFailsNamingIt() {
        runner.withPropertyValues("inlet.webhooks.endpoints.shop.path=/hooks/shop",
                        "inlet.webhooks.endpoints.shop.scheme=shopify",
                        "inlet.webhooks.endpoints.shop.secrets.primary=" + SECRET)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("no WebhookHandler bean named 'shop'")
                        .hasMessageNotContaining(SECRET));
    }

    @Test
    void aWebhookEndpointFromPropertiesUsesItsNamedHandler() {
        runner.withBean("shopEvents", WebhookHandler.class, () -> event -> { })
                .withPropertyValues("inlet.webhooks.endpoints.shop.path=/hooks/shop",
                        "inlet.webhooks.endpoints.shop.scheme=shopify",
                        "inlet.webhooks.endpoints.shop.handler=shopEvents",
                        "inlet.webhooks.endpoints.shop.max-body-bytes=2048",
                        "inlet.webhooks.endpoints.shop.secrets.primary=" + SECRET)
                .run(context -> {
                    InletWebhooks webhooks = context.getBean(InletWebhooks.class);
                    assertThat(webhooks.receiver()).hasValueSatisfying(receiver -> {
                        assertThat(receiver.endpoints()).containsKey("/hooks/shop");
                        assertThat(receiver.endpoints().get("/hooks/shop").verifier().maxBodyBytes()).isEqualTo(2048);
                        assertThat(receiver.isRunning()).isTrue();
                    });
                    assertThat(context.getBean(InletProperties.class).toString()).doesNotContain(SECRET);
                    context.close();
                    assertThat(webhooks.receiver().orElseThrow().isRunning()).isFalse();
                });
    }

    @Test
    void afterHandlerAcknowledgementReachesTheReceiver() {
        runner.withBean("shop", WebhookHandler.class, () -> event -> { })
                .withPropertyValues("inlet.webhooks.endpoints.shop.path=/hooks/shop",
                        "inlet.webhooks.endpoints.shop.scheme=shopify",
                        "inlet.webhooks.endpoints.shop.secrets.primary=" + SECRET,
                        "inlet.webhooks.acknowledgement=after-handler", "inlet.webhooks.handler-timeout=3s")
                .run(context -> assertThat(context.getBean(InletWebhooks.class).receiver())
                        .hasValueSatisfying(receiver -> {
                            assertThat(receiver.acknowledgement())
                                    .isEqualTo(dev.inlet.webhooks.receiver.Acknowledgement.AFTER_HANDLER);
                            assertThat(receiver.handlerTimeout()).isEqualTo(Duration.ofSeconds(3));
                        }));
    }

    @Test
    void credentialKeysAreMaskedWhateverTheirSpelling() {
        for (String key : new String[] {"inlet.credentials.stripe", "INLET_CREDENTIALS_STRIPE",
                "inlet.webhooks.endpoints.orders.secrets.primary", "credentials.stripe", "secrets.primary"}) {
            SanitizableData data = new SanitizableData(null, key, SECRET);
            assertThat(InletActuatorConfiguration.sanitize(data).getValue()).as(key)
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
        SanitizableData other = new SanitizableData(null, "inlet.webhooks.endpoints.orders.path", "/hooks/orders");
        assertThat(InletActuatorConfiguration.sanitize(other).getValue()).isEqualTo("/hooks/orders");
    }
}
