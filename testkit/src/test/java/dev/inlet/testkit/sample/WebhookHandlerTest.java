package dev.inlet.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inlet.testkit.Delivery;
import dev.inlet.testkit.WebhookSender;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.receiver.WebhookServer;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** "My webhook handler processes each delivery once and refuses forgeries", as a user writes it. */
class WebhookHandlerTest {

    static final String SECRET = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0";

    @Test
    void myWebhookHandlerProcessesEachDeliveryOnceAndRefusesForgeries() throws Exception {
        List<String> processed = new CopyOnWriteArrayList<>();
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.stripe()).secret(SECRET).build();
        WebhookReceiver receiver = WebhookReceiver.builder().endpoint(WebhookEndpoint.builder("/hooks/stripe", verifier)
                .handler(event -> processed.add(event.id().orElseThrow())).build()).build();
        try (WebhookServer server = WebhookServer.builder(receiver).host("127.0.0.1").port(0).build()) {
            server.start();
            WebhookSender stripe = WebhookSender.builder(SignatureScheme.stripe(),
                    URI.create("http://127.0.0.1:" + server.port() + "/hooks/stripe")).secret(SECRET).build();
            Delivery paid = Delivery.json("{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}");

            assertThat(stripe.sendDuplicate(paid)).allMatch(r -> r.delivered());
            assertThat(stripe.sendTampered(paid).status()).isEqualTo(401);
            assertThat(stripe.sendStale(paid, Duration.ofHours(1)).delivered()).isFalse();

            server.close(); // drains the queue: every accepted delivery is handled
            assertThat(processed).containsExactly("evt_1");
        }
    }
}
