package dev.inlet.docs.spring;

import dev.inlet.core.Connector;
import dev.inlet.core.schedule.Job;
import dev.inlet.rest.RestConnector;
import dev.inlet.rest.paginate.Paginators;
import dev.inlet.spring.InletPipelines;
import dev.inlet.spring.InletScheduler;
import dev.inlet.spring.ScheduledConnector;
import dev.inlet.webhooks.routing.EventActions;
import dev.inlet.webhooks.receiver.WebhookHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

@Configuration
class InletSetup {

    @Bean
    Connector<JsonNode> charges(InletPipelines pipelines) {
        return RestConnector.builder("stripe-charges")
                .baseUrl("https://api.stripe.com")
                .path("/v1/charges")
                .records("/data")
                .paginator(Paginators.stripe())
                .pipeline(pipelines.get("stripe"))       // bearer credential from inlet.credentials.stripe
                .build();
    }

    @Bean
    ScheduledConnector chargesJob(Connector<JsonNode> charges) {
        // Schedule from inlet.connectors.charges.every / daily-at.
        return ScheduledConnector.of("charges", Job.of(charges, record -> System.out.println(record)));
    }

    @Bean
    WebhookHandler stripe(InletScheduler scheduler) {
        // A charge webhook refreshes the connector at once (no overlap with a running sync).
        return EventActions.refresh(scheduler::runNow, "charges", "charge.succeeded", "charge.refunded");
    }
}
