package dev.inlet.spring;

import dev.inlet.core.schedule.Job;
import dev.inlet.webhooks.receiver.WebhookEvent;
import dev.inlet.webhooks.receiver.WebhookHandler;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application as a user writes one: a handler for the orders endpoint and two connector jobs. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

    final BlockingQueue<WebhookEvent> orders = new LinkedBlockingQueue<>();
    final AtomicInteger chargeRuns = new AtomicInteger();

    @Bean
    WebhookHandler orders() {
        return orders::add;
    }

    @Bean
    ScheduledConnector charges() {
        return ScheduledConnector.of("charges", Job.of(chargeRuns::incrementAndGet));
    }

    @Bean
    ScheduledConnector refunds() {
        return ScheduledConnector.of("refunds", () -> {
            throw new IllegalStateException("refunds API answered 503 three times");
        });
    }
}
