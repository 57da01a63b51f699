package dev.inlet.spring;

import dev.inlet.webhooks.receiver.WebhookEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health (when {@code spring-boot-health} is present) as one contributor, {@code inlet}, with
 * {@code inlet/connectors/<name>} per scheduled connector and {@code inlet/webhooks/<name>} per
 * endpoint (named by path without slashes). A connector is UNKNOWN before its first run, UP after a
 * successful one and DOWN after a failed one, with the last success time; an endpoint is UP while the
 * receiver runs and OUT_OF_SERVICE otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class InletHealthConfiguration {

    @Bean
    HealthContributor inletHealthContributor(ObjectProvider<InletScheduler> scheduler, InletWebhooks webhooks) {
        Map<String, HealthContributor> parts = new LinkedHashMap<>();
        InletScheduler jobs = scheduler.getIfAvailable();
        if (jobs != null && !jobs.connectorNames().isEmpty()) {
            Map<String, HealthContributor> connectors = new LinkedHashMap<>();
            jobs.connectorNames().forEach(name -> connectors.put(name, (HealthIndicator) () -> connector(jobs, name)));
            parts.put("connectors", CompositeHealthContributor.fromMap(connectors));
        }
        webhooks.receiver().ifPresent(receiver -> {
            Map<String, HealthContributor> endpoints = new LinkedHashMap<>();
            receiver.endpoints().values().forEach(endpoint -> endpoints.put(name(endpoint),
                    (HealthIndicator) () -> endpoint(webhooks, endpoint)));
            parts.put("webhooks", CompositeHealthContributor.fromMap(endpoints));
        });
        if (parts.isEmpty()) {
            return (HealthIndicator) () -> Health.up().withDetail("connectors", 0).withDetail("webhooks", 0).build();
        }
        return CompositeHealthContributor.fromMap(parts);
    }

    private static Health connector(InletScheduler scheduler, String name) {
        ConnectorHealth health = scheduler.health(name);
        Health.Builder builder = health.lastRun().isEmpty() ? Health.unknown()
                : health.failing() ? Health.down() : Health.up();
        builder.withDetail("scheduled", scheduler.isRunning());
        health.lastSuccessAt().ifPresent(at -> builder.withDetail("lastSuccessAt", at.toString()));
        health.nextRunAt().ifPresent(at -> builder.withDetail("nextRunAt", at.toString()));
        health.lastRun().ifPresent(run -> {
            builder.withDetail("lastRunAt", run.startedAt().toString())
                    .withDetail("lastRunRecords", run.records())
                    .withDetail("lastRunRejected", run.rejected())
                    .withDetail("consecutiveFailures", run.consecutiveFailures());
            // The exception's type and message (Inlet's messages carry no secrets), never a stack trace.
            run.failure().ifPresent(failure -> builder.withDetail("lastFailure",
                    failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        });
        return builder.build();
    }

    private static Health endpoint(InletWebhooks webhooks, WebhookEndpoint endpoint) {
        Health.Builder builder = webhooks.isRunning() ? Health.up() : Health.outOfService();
        return builder.withDetail("path", endpoint.path())
                .withDetail("maxBodyBytes", endpoint.verifier().maxBodyBytes())
                .build();
    }

    /** {@code /hooks/stripe} becomes {@code hooks-stripe}: health names cannot hold slashes. */
    static String name(WebhookEndpoint endpoint) {
        String trimmed = endpoint.path().replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "root" : trimmed.replace('/', '-');
    }
}
