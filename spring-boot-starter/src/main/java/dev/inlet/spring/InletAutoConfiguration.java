package dev.inlet.spring;

import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Inlet for Spring Boot 4: {@link InletCredentials} and {@link InletPipelines} from
 * {@code inlet.*} properties, the {@link InletScheduler} running every {@link ScheduledConnector}
 * bean (and every {@link ConnectorSource}'s) with the context, the {@link InletWebhooks} receiver
 * mounted on Spring MVC, health per connector and endpoint, and credential masking in the actuator.
 * Every bean backs off when the application declares its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(InletProperties.class)
@Import({InletWebMvcConfiguration.class, InletHealthConfiguration.class, InletActuatorConfiguration.class})
public class InletAutoConfiguration {

    /** Binds {@code String} property values into {@code Secret}s. */
    @Bean
    @ConfigurationPropertiesBinding
    static SecretConverter inletSecretConverter() {
        return new SecretConverter();
    }

    /** The clock of the scheduler and the webhook verifiers; declare a {@code Clock} bean to replace it. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock inletClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    InletCredentials inletCredentials(InletProperties properties) {
        return new InletCredentials(properties.credentials());
    }

    @Bean
    @ConditionalOnMissingBean
    InletPipelines inletPipelines(InletProperties properties, InletCredentials credentials) {
        return InletPipelines.from(properties.pipelines(), credentials);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "inlet.scheduler.enabled", matchIfMissing = true)
    InletScheduler inletScheduler(InletProperties properties, ObjectProvider<ScheduledConnector> connectors,
            ObjectProvider<ConnectorSource> sources, Clock clock) {
        return new InletScheduler(properties, connectors.orderedStream().toList(), sources.orderedStream().toList(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InletWebhooks inletWebhooks(InletProperties properties, Map<String, WebhookHandler> handlers,
            ObjectProvider<WebhookEndpoint> endpoints, Clock clock) {
        InletProperties.Webhooks webhooks = properties.webhooks();
        if (!webhooks.enabled()) {
            return new InletWebhooks(webhooks.withoutEndpoints(), Map.of(), List.of(), clock);
        }
        return new InletWebhooks(webhooks, handlers, endpoints.orderedStream().toList(), clock);
    }
}
