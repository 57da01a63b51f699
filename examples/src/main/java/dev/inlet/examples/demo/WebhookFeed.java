package dev.inlet.examples.demo;

import dev.inlet.core.Headers;
import dev.inlet.core.metrics.Accumulator;
import dev.inlet.examples.fakes.FakeStripe;
import dev.inlet.report.RefusedDelivery;
import dev.inlet.webhooks.routing.EventActions;
import dev.inlet.webhooks.verify.Keyring;
import dev.inlet.webhooks.routing.RefreshTrigger;
import dev.inlet.webhooks.verify.SignatureScheme;
import dev.inlet.webhooks.receiver.WebhookEndpoint;
import dev.inlet.webhooks.receiver.WebhookHandler;
import dev.inlet.webhooks.receiver.WebhookReceiver;
import dev.inlet.webhooks.verify.WebhookRequest;
import dev.inlet.webhooks.receiver.WebhookServer;
import dev.inlet.webhooks.verify.WebhookSigner;
import dev.inlet.webhooks.verify.WebhookVerifier;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The webhook half of the demo: Inlet's embedded receiver verifying Standard Webhooks signatures,
 * and a sender playing the shop, posting signed {@code order.created} events (each becomes a data
 * point), a few {@code customer.created} events (each asks the scheduler to refresh the customers
 * connector), some repeats (deduplicated) and some forgeries (refused).
 */
final class WebhookFeed implements AutoCloseable {

    static final String PATH = "/webhooks/shop";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String FORGER_SECRET = "whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB";

    private final WebhookServer server;
    private final AtomicInteger handled = new AtomicInteger();

    WebhookFeed(Accumulator<JsonNode> orders, RefreshTrigger refresh, String customersConnector) {
        WebhookHandler points = EventActions.dataPoint(
                e -> e.type().filter("order.created"::equals).map(t -> e.json()).orElse(null), orders::add);
        WebhookHandler refreshes = EventActions.refresh(refresh, customersConnector, "customer.created");
        WebhookVerifier verifier = WebhookVerifier.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(SECRET)).build();
        WebhookReceiver receiver = WebhookReceiver.builder()
                .endpoint(WebhookEndpoint.builder(PATH, verifier).handler(event -> {
                    handled.incrementAndGet();
                    points.handle(event);
                    refreshes.handle(event);
                }).build())
                .build();
        server = WebhookServer.builder(receiver).host("127.0.0.1").port(0).build();
        server.start();
    }

    /** The receiver's URL. */
    String url() {
        return "http://127.0.0.1:" + server.port() + PATH;
    }

    /**
     * Posts the demo's deliveries and returns what came back; handlers may still be running (close
     * this feed to wait for them).
     */
    WebhookTally send(int orders, int repeats, int forgeries, int customerEvents) throws IOException, InterruptedException {
        WebhookSigner signer = WebhookSigner.builder(SignatureScheme.standardWebhooks()).keyring(Keyring.of(SECRET))
                .build();
        WebhookSigner forger = WebhookSigner.builder(SignatureScheme.standardWebhooks())
                .keyring(Keyring.of(FORGER_SECRET)).build();
        List<WebhookRequest> deliveries = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            WebhookRequest delivery = signer.sign(event("msg_order_" + i, "order.created", order(i)));
            deliveries.add(delivery);
            if (i < repeats) {
                deliveries.add(delivery); // the sender did not see our 200 and delivers again
            }
        }
        for (int i = 0; i < customerEvents; i++) {
            deliveries.add(signer.sign(event("msg_customer_" + i, "customer.created", "{\"id\":\"cus_new_" + i + "\"}")));
        }
        for (int i = 0; i < forgeries; i++) {
            deliveries.add(forger.sign(event("msg_forged_" + i, "order.created", order(10_000 + i))));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int ok = 0;
        int refused = 0;
        List<RefusedDelivery> refusedRows = new ArrayList<>();
        for (WebhookRequest delivery : deliveries) {
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
            delivery.headers().forEach(post::header);
            int status = client.send(post.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                ok++;
            } else {
                refused++;
                refusedRows.add(new RefusedDelivery(Instant.now(), PATH, delivery.headers().first("webhook-id")
                        .orElse(""), status, status == 401 ? "signature does not verify" : "answered " + status));
            }
        }
        return new WebhookTally(deliveries.size(), ok, refused, handled.get(), refusedRows);
    }

    /** Events that reached the handler so far. */
    int handled() {
        return handled.get();
    }

    private WebhookRequest event(String id, String type, String data) {
        String body = "{\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"data\":" + data + "}";
        return WebhookRequest.post(url(), Headers.of("webhook-id", id, "Content-Type", "application/json"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Order {@code i} of the demo week, the same every run. */
    static String order(int i) {
        Instant created = Instant.ofEpochSecond(FakeStripe.START + (i * 7L * 24 * 3600) / 300 + 1800);
        return "{\"id\":\"ord_" + i + "\",\"amount\":\"" + new BigDecimal(2500 + (i * 613L) % 9000).movePointLeft(2)
                + "\",\"currency\":\"EUR\",\"created_at\":\"" + created + "\"}";
    }

    /** Stops accepting and waits for every accepted event to be handled. */
    @Override
    public void close() {
        server.close();
    }
}
